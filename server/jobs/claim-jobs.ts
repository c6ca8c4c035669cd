import type { Job } from "~/generated/prisma/client";
import type { JobKind } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";

/**
 * Claims due jobs of one kind for one worker: pending, retrying or awaiting-invoice jobs
 * whose time has come, and running jobs whose worker's lease expired (it crashed). SKIP
 * LOCKED lets concurrent workers claim disjoint sets, so no job runs twice at once.
 */
export async function claimJobs(options: { db: DbOrTx; kind: JobKind; owner: string; limit: number; leaseMs: number; now?: Date }): Promise<Job[]> {
  const now = options.now ?? new Date();
  const leaseExpiresAt = new Date(now.getTime() + options.leaseMs);
  const ids = await options.db.$queryRaw<Array<{ id: string }>>`
    UPDATE jobs SET state = 'running', lease_owner = ${options.owner}, lease_expires_at = ${leaseExpiresAt}, updated_at = ${now}
    WHERE id IN (
      SELECT id FROM jobs
      WHERE kind = ${options.kind}::job_kind
        AND ((state IN ('pending', 'failed', 'awaiting_invoice') AND next_run_at <= ${now})
          OR (state = 'running' AND lease_expires_at < ${now}))
      ORDER BY next_run_at, id
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  if (!ids.length) return [];
  return options.db.job.findMany({ where: { id: { in: ids.map((row) => row.id) } }, orderBy: { nextRunAt: "asc" } });
}
