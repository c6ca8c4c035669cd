import type { JobKind } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import type { OdooClient } from "~/server/odoo";
import { getScheduleStatus } from "~/server/schedules/get-schedule-status";
import type { ScheduleName } from "~/server/schedules/schedules";
import { type Backlogs, readBacklogs } from "./read-backlogs";
import { checkReadiness, type Readiness } from "./check-readiness";

export interface HubStatus {
  checkedAt: Date;
  readiness: Readiness;
  backlogs: Backlogs;
  /** Per job kind: due now, running, failed (retrying) and dead. */
  jobs: Array<{ kind: JobKind; due: number; running: number; failed: number; dead: number }>;
  schedules: Awaited<ReturnType<typeof getScheduleStatus>>["schedules"];
  /** Which schedules are late (no run for two periods): no worker, or no outside scheduler, is firing them. */
  attention: string[];
}

const JOB_KINDS: readonly JobKind[] = ["usage_push", "reconciliation", "lago_import"];

/**
 * The status page at a glance (what /api/health/ready and /api/metrics say, for people):
 * readiness of the database and Odoo, the backlogs and what is dead, each schedule's last
 * run, and a list of what needs someone's attention, most urgent first.
 */
export async function getStatus(options: {
  db: DbOrTx;
  odoo: () => OdooClient | null;
  draining: boolean;
  cadences?: Partial<Record<ScheduleName, number>>;
  now?: Date;
}): Promise<HubStatus> {
  const now = options.now ?? new Date();
  const [readiness, backlogs, { schedules }] = await Promise.all([
    checkReadiness({ db: options.db, odoo: options.odoo, draining: options.draining, now: now.getTime() }),
    readBacklogs({ db: options.db, now }),
    getScheduleStatus({ db: options.db, now, cadences: options.cadences, errorLimit: 0 }),
  ]);
  const jobs = JOB_KINDS.map((kind) => {
    const rows = backlogs.jobs.filter((row) => row.kind === kind);
    const count = (state: string) => rows.find((row) => row.state === state)?.count ?? 0;
    return { kind, due: rows.reduce((total, row) => total + row.due, 0), running: count("running"), failed: count("failed"), dead: count("dead") };
  });
  const attention = [
    ...(readiness.ready ? [] : [`Not ready: ${readiness.reason}`]),
    ...jobs.filter((row) => row.dead > 0).map((row) => `${row.dead} dead ${row.kind.replace("_", " ")} job${row.dead === 1 ? "" : "s"}`),
    ...(backlogs.webhooks.dead > 0 ? [`${backlogs.webhooks.dead} dead webhook deliver${backlogs.webhooks.dead === 1 ? "y" : "ies"}`] : []),
    ...schedules.filter((schedule) => schedule.overdue).map((schedule) => `${schedule.label} is overdue: is a worker (or the scheduler) running?`),
    ...schedules.filter((schedule) => !schedule.lastRun && schedule.cadenceMs > 0).map((schedule) => `${schedule.label} has never run`),
    ...schedules.filter((schedule) => schedule.lastRun?.outcome === "failed" || schedule.lastRun?.outcome === "partial_failure").map((schedule) => `${schedule.label}: the last run had errors`),
  ];
  return { checkedAt: now, readiness, backlogs, jobs, schedules, attention };
}
