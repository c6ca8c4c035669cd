import type { Job } from "~/generated/prisma/client";
import type { JobKind } from "~/generated/prisma/enums";
import type { Db } from "~/server/db/client";
import { claimJobs } from "./claim-jobs";
import { JOB_LEASE_MS } from "./job-policy";

export interface JobContext {
  db: Db;
  /** Claimed: running under this worker's lease. */
  job: Job;
  owner: string;
  now: Date;
}

/** What one job's attempt came to, for the CLI and cron answers. */
export interface JobOutcome {
  jobId: string;
  outcome: string;
  /** Why the attempt failed, when it did. */
  error?: string;
}

/** Runs one claimed job and settles it (finishJob / failJob): a handler never leaves its job running. */
export type JobHandler<Outcome extends JobOutcome = JobOutcome> = (context: JobContext) => Promise<Outcome>;

const CLAIM_BATCH = 20;

/**
 * Drains the due jobs of the kinds `handlers` covers, a claimed batch at a time, until
 * none is due, `maxJobs` have run or `signal` is aborted (the batch claimed runs to its
 * end). Every outcome moves a job's next run past `now` (or finishes it), so one drain
 * runs each job at most once. Claims last the kind's JOB_LEASE_MS unless `leaseMs` says
 * otherwise (a worker that renews its leases claims short ones).
 */
export async function drainJobs<Outcome extends JobOutcome>(options: {
  db: Db;
  handlers: Partial<Record<JobKind, JobHandler<Outcome>>>;
  owner: string;
  now: Date;
  maxJobs?: number;
  batch?: number;
  leaseMs?: number;
  signal?: AbortSignal;
}): Promise<Outcome[]> {
  const { db, owner, now } = options;
  const maxJobs = options.maxJobs ?? 10_000;
  const outcomes: Outcome[] = [];
  for (const [kind, handler] of Object.entries(options.handlers) as Array<[JobKind, JobHandler<Outcome>]>) {
    while (outcomes.length < maxJobs && !options.signal?.aborted) {
      const limit = Math.min(options.batch ?? CLAIM_BATCH, maxJobs - outcomes.length);
      const claimed = await claimJobs({ db, kind, owner, limit, leaseMs: options.leaseMs ?? JOB_LEASE_MS[kind], now });
      if (!claimed.length) break;
      for (const job of claimed) outcomes.push(await handler({ db, job, owner, now }));
    }
  }
  return outcomes;
}
