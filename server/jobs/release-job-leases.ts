import type { DbOrTx } from "~/server/db/client";

/**
 * A stopping worker gives back the jobs it could not finish: their lease ends now and
 * names nobody, so another worker takes them at its next claim (as it would a crashed
 * worker's, without waiting for the lease) and a late write from this one is refused
 * (settling a job needs the lease). Returns the ids released.
 */
export async function releaseJobLeases(options: { db: DbOrTx; ownerPrefix: string; now?: Date }): Promise<string[]> {
  const expired = new Date((options.now ?? new Date()).getTime() - 1);
  const rows = await options.db.$queryRaw<Array<{ id: string }>>`
    UPDATE jobs SET lease_owner = NULL, lease_expires_at = ${expired}, updated_at = now()
    WHERE state = 'running' AND starts_with(lease_owner, ${options.ownerPrefix})
    RETURNING id`;
  return rows.map((row) => row.id);
}
