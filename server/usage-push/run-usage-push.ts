import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db/client";
import type { OdooClient } from "~/server/odoo";
import { drainJobs } from "~/server/jobs/drain-jobs";
import { acquireLease, releaseLease } from "~/server/db/cron-lease";
import { planUsageJobs, type PlanningOutcome } from "./plan-usage-jobs";
import type { PushSnapshot } from "./push-snapshot";
import { type JobResult, pushUsageJob } from "./push-usage-job";

export interface UsagePushSummary {
  worker: string;
  planning: PlanningOutcome[] | "skipped: another run is planning";
  jobs: JobResult[];
}

const PLANNER_LEASE = "usage-push-planner";
const PLANNER_LEASE_MS = 5 * 60_000;

/**
 * One cron run: plan (under a lease, so concurrent runs never create the same Odoo
 * order twice), then drain the due usage push jobs until none are left, reading Odoo
 * through the planner's snapshot (a run that did not plan reads per order).
 */
export async function runUsagePush(options: {
  db: Db;
  odoo: OdooClient;
  now?: Date;
  leadHours: number;
  maxAttempts: number;
  maxJobs?: number;
  /** Stops claiming jobs once aborted (a stopping worker); the jobs already claimed finish. */
  signal?: AbortSignal;
  /** Lease owner of the claimed jobs, default a fresh one; a worker passes its own to release them when it stops. */
  worker?: string;
}): Promise<UsagePushSummary> {
  const { db, odoo } = options;
  const now = options.now ?? new Date();
  const worker = options.worker ?? `push-${randomUUID()}`;

  let planning: UsagePushSummary["planning"] = "skipped: another run is planning";
  let snapshot: PushSnapshot | undefined;
  let invoicedSince: string | undefined;
  if (await acquireLease({ db, name: PLANNER_LEASE, owner: worker, ttlMs: PLANNER_LEASE_MS, now })) {
    try {
      ({ outcomes: planning, snapshot, invoicedSince } = await planUsageJobs({ db, odoo, now, leadHours: options.leadHours }));
    } finally {
      await releaseLease({ db, name: PLANNER_LEASE, owner: worker });
    }
  }

  const jobs = await drainJobs<JobResult>({
    db,
    owner: worker,
    now,
    maxJobs: options.maxJobs,
    signal: options.signal,
    handlers: { usage_push: ({ job }) => pushUsageJob({ db, odoo, job, owner: worker, maxAttempts: options.maxAttempts, now, snapshot, invoicedSince }) },
  });
  return { worker, planning, jobs };
}
