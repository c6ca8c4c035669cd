import type { DbOrTx } from "~/server/db/client";

/**
 * Takes the named lease if it is free, expired, or already ours. One statement, so two
 * cron runs racing for it cannot both win.
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

export async function releaseLease(options: { db: DbOrTx; name: string; owner: string }): Promise<void> {
  await options.db.cronLease.deleteMany({ where: { name: options.name, owner: options.owner } });
}
