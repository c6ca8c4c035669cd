import type { DbOrTx } from "./client";

/**
 * Named, expiring locks in `cron_leases` (the usage-push planner, each schedule's period
 * in the worker), on PostgreSQL and on the single-connection embedded database alike.
 */

/**
 * Takes the named lease if it is free, expired, or already ours. One statement, so two
 * racers cannot both win.
 */
export async function acquireLease(options: { db: DbOrTx; name: string; owner: string; ttlMs: number; now?: Date }): Promise<boolean> {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + options.ttlMs);
  const rows = await options.db.$queryRaw<Array<{ owner: string }>>`
    INSERT INTO cron_leases (name, owner, expires_at) VALUES (${options.name}, ${options.owner}, ${expiresAt})
    ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
    WHERE cron_leases.expires_at < ${now} OR cron_leases.owner = EXCLUDED.owner
    RETURNING owner`;
  return rows.length === 1;
}

/** Moves the expiry of a lease `owner` still holds (false when it no longer does). */
export async function setLeaseExpiry(options: { db: DbOrTx; name: string; owner: string; expiresAt: Date }): Promise<boolean> {
  const count = await options.db.cronLease.updateMany({ where: { name: options.name, owner: options.owner }, data: { expiresAt: options.expiresAt } });
  return count.count === 1;
}

export async function releaseLease(options: { db: DbOrTx; name: string; owner: string }): Promise<void> {
  await options.db.cronLease.deleteMany({ where: { name: options.name, owner: options.owner } });
}

/** Releases every lease whose owner starts with `ownerPrefix` (a stopping process's). */
export async function releaseLeases(options: { db: DbOrTx; ownerPrefix: string }): Promise<void> {
  await options.db.$executeRaw`DELETE FROM cron_leases WHERE starts_with(owner, ${options.ownerPrefix})`;
}
