import type { Job, Prisma } from "~/generated/prisma/client";
import type { JobKind } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";

/**
 * Queues one job of a kind other than usage_push (those are planned per subscription,
 * period and metric), due now. `secret`, already sealed, is kept until the job is done.
 */
export function enqueueJob(options: {
  db: DbOrTx;
  kind: Exclude<JobKind, "usage_push">;
  payload: Prisma.InputJsonValue;
  secret?: string;
  now?: Date;
}): Promise<Job> {
  return options.db.job.create({
    data: { kind: options.kind, payload: options.payload, secret: options.secret ?? null, nextRunAt: options.now ?? new Date() },
  });
}
