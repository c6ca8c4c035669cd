import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db/client";
import type { OdooClient } from "~/server/odoo";
import { claimJobs } from "~/server/jobs/claim-jobs";
import { acquireLease, releaseLease } from "./cron-lease";
import { planUsageJobs, type PlanningOutcome } from "./plan-usage-jobs";
import { type JobResult, pushUsageJob } from "./push-usage-job";

export interface UsagePushSummary {
  worker: string;
  planning: PlanningOutcome[] | "skipped: another run is planning";
  jobs: JobResult[];
}

const PLANNER_LEASE = "usage-push-planner";
const LEASE_MS = 5 * 60_000;
const CLAIM_BATCH = 20;

/**
 * One cron run: plan (under a lease, so concurrent runs never create the same Odoo
 * order twice), then drain due jobs in claimed batches until none are left.
 */
export async function runUsagePush(options: {
  db: Db;
  odoo: OdooClient;
  now?: Date;
  leadHours: number;
  maxAttempts: number;
  maxJobs?: number;
}): Promise<UsagePushSummary> {
  const { db, odoo } = options;
  const now = options.now ?? new Date();
  const worker = `push-${randomUUID()}`;

  let planning: UsagePushSummary["planning"] = "skipped: another run is planning";
  if (await acquireLease({ db, name: PLANNER_LEASE, owner: worker, ttlMs: LEASE_MS, now })) {
    try {
      planning = await planUsageJobs({ db, odoo, now, leadHours: options.leadHours });
    } finally {
      await releaseLease({ db, name: PLANNER_LEASE, owner: worker });
    }
  }

  // Every outcome moves a job's next_run_at past `now`, so each job is claimed once per run.
  const jobs: JobResult[] = [];
  const maxJobs = options.maxJobs ?? 10_000;
  while (jobs.length < maxJobs) {
    const claimed = await claimJobs({ db, owner: worker, limit: CLAIM_BATCH, leaseMs: LEASE_MS, now });
    if (!claimed.length) break;
    for (const job of claimed) jobs.push(await pushUsageJob({ db, odoo, job, owner: worker, maxAttempts: options.maxAttempts, now }));
  }
  return { worker, planning, jobs };
}
