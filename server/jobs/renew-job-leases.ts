import type { DbOrTx } from "~/server/db/client";

/**
 * Keeps a live worker's claims: every running job whose lease owner starts with
 * `ownerPrefix` (one worker's owners) holds its lease at least until `expiresAt`. A worker
 * that dies stops renewing, so its jobs are retaken one short lease later.
 */
export async function renewJobLeases(options: { db: DbOrTx; ownerPrefix: string; expiresAt: Date }): Promise<number> {
  return options.db.$executeRaw`
    UPDATE jobs SET lease_expires_at = GREATEST(lease_expires_at, ${options.expiresAt})
    WHERE state = 'running' AND starts_with(lease_owner, ${options.ownerPrefix})`;
}
