import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import type { TableQuery } from "~/server/db/table-query";
import { recordAudit } from "~/server/audit/record-audit";
import { RETRYABLE_JOB_STATES } from "./job-policy";
import { jobFilter } from "./search-jobs";

const RETRYABLE = { state: { in: [...RETRYABLE_JOB_STATES] } } satisfies Prisma.JobWhereInput;

/** How many jobs a bulk retry of this filter would queue: the failed and dead ones among them. */
export async function countRetryableJobs(options: { db: DbOrTx; query: TableQuery }): Promise<number> {
  return options.db.job.count({ where: { AND: [jobFilter(options.query), RETRYABLE] } });
}

/**
 * Queues again every failed or dead job the table's filter and search select (all of
 * them, not the page on screen), in one transaction, with an audit row per job. Rows are
 * locked first, so a worker finishing one of them meanwhile is either seen or waited for;
 * pending and running jobs are never touched (a worker may hold their lease).
 */
export async function retryJobs(options: { db: DbOrTx; query: TableQuery; actorId: string; now?: Date }): Promise<{ count: number }> {
  const now = options.now ?? new Date();
  return inTransaction(options.db, async (tx) => {
    const selected = await tx.job.findMany({ where: { AND: [jobFilter(options.query), RETRYABLE] }, select: { id: true } });
    if (!selected.length) return { count: 0 };
    const ids = selected.map((job) => job.id);
    // Lock, then re-read under the lock: only what is still failed or dead is retried.
    await tx.$queryRaw`SELECT id FROM jobs WHERE id = ANY(${ids}::uuid[]) FOR UPDATE`;
    const before = await tx.job.findMany({ where: { id: { in: ids }, ...RETRYABLE }, omit: { secret: true } });
    const retried = before.map((job) => job.id);
    const changes = { state: "pending", nextRunAt: now, leaseOwner: null, leaseExpiresAt: null } as const;
    await tx.job.updateMany({ where: { id: { in: retried } }, data: changes });
    await recordAudit(tx, before.map((job) => ({ actorId: options.actorId, action: "job.retry", entityType: "job", entityId: job.id, before: job, after: { ...job, ...changes } })));
    return { count: retried.length };
  });
}
