import type { Job, JobState, Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { backoffDelayMs } from "~/server/lib/backoff";
import { JOB_BACKOFF } from "./job-policy";

const DONE: ReadonlySet<JobState> = new Set(["succeeded", "dead"]);

/**
 * Records a claimed job's outcome and releases its lease, only while `owner` still holds
 * it (a worker whose lease expired and was retaken must not overwrite the new one). A
 * job that has succeeded or is dead keeps no secret.
 */
export function finishJob(options: { db: DbOrTx; job: Pick<Job, "id">; owner: string; state: JobState; data?: Prisma.JobUpdateManyMutationInput }) {
  const { db, job, owner, state } = options;
  return db.job.updateMany({
    where: { id: job.id, leaseOwner: owner },
    data: { state, leaseOwner: null, leaseExpiresAt: null, ...(DONE.has(state) ? { secret: null } : {}), ...options.data },
  });
}

/**
 * A failed attempt: retried after JOB_BACKOFF, or dead once `maxAttempts` are spent (or at
 * once with `giveUp`, when retrying cannot help). The error's message is kept for the
 * console (4000 characters at most).
 */
export async function failJob(options: {
  db: DbOrTx;
  job: Pick<Job, "id" | "attempts">;
  owner: string;
  error: unknown;
  maxAttempts: number;
  giveUp?: boolean;
  now: Date;
  random?: number;
}): Promise<{ state: "failed" | "dead"; message: string }> {
  const { job, now } = options;
  const message = options.error instanceof Error ? options.error.message : String(options.error);
  const attempts = job.attempts + 1;
  const state = options.giveUp || attempts >= options.maxAttempts ? "dead" : "failed";
  await finishJob({
    db: options.db,
    job,
    owner: options.owner,
    state,
    data: { attempts, lastError: message.slice(0, 4000), nextRunAt: new Date(now.getTime() + backoffDelayMs(attempts, JOB_BACKOFF, options.random ?? Math.random())) },
  });
  return { state, message };
}
