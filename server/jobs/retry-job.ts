import type { Job } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { notAllowed, notFound } from "~/server/errors";
import { isRetryableJob } from "./job-policy";

/**
 * Puts a failed or dead job back in the queue now. A pending or running job is left
 * alone: a worker may hold its lease, and retrying it would push the usage twice.
 */
export async function retryJob(options: { db: DbOrTx; id: string; actorId: string; now?: Date }): Promise<Job> {
  return inTransaction(options.db, async (tx) => {
    const before = await tx.job.findUnique({ where: { id: options.id } });
    if (!before) throw notFound("job");
    if (!isRetryableJob(before.state)) throw notAllowed("job_not_retryable");
    const after = await tx.job.update({
      where: { id: before.id },
      data: { state: "pending", nextRunAt: options.now ?? new Date(), leaseOwner: null, leaseExpiresAt: null },
    });
    await recordAudit(tx, { actorId: options.actorId, action: "job.retry", entityType: "job", entityId: before.id, before, after });
    return after;
  });
}
