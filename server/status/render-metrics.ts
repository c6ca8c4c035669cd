import type { Db } from "~/server/db/client";
import { logger } from "~/server/lib/logger";
import { metrics } from "~/server/lib/metrics";
import { getScheduleStatus } from "~/server/schedules/get-schedule-status";
import { readBacklogs } from "./read-backlogs";

const JOB_KINDS = ["usage_push", "reconciliation", "lago_import"] as const;

/**
 * The Prometheus exposition of this process: its own counters and histograms, and the
 * backlog gauges read from the database now. A database that cannot be read leaves the
 * gauges as they were and sets nexa_database_up to 0, so the scrape itself still works.
 */
export async function renderMetrics(options: { db: () => Promise<Db> }): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  try {
    const db = await options.db();
    const [backlogs, { schedules }] = await Promise.all([readBacklogs({ db }), getScheduleStatus({ db, errorLimit: 0 })]);
    for (const { name, lastRun, lastSuccessAt } of schedules) {
      if (lastRun) m.scheduleLastStart.set({ schedule: name }, lastRun.startedAt.getTime() / 1000);
      if (lastSuccessAt) m.scheduleLastSuccess.set({ schedule: name }, lastSuccessAt.getTime() / 1000);
      if (lastRun?.finishedAt) {
        m.scheduleLastDuration.set({ schedule: name }, (lastRun.finishedAt.getTime() - lastRun.startedAt.getTime()) / 1000);
        m.scheduleLastFailed.set({ schedule: name }, lastRun.outcome === "succeeded" ? 0 : 1);
      }
    }
    m.jobs.reset();
    for (const row of backlogs.jobs) m.jobs.set({ kind: row.kind, state: row.state }, row.count);
    for (const kind of JOB_KINDS) {
      const rows = backlogs.jobs.filter((row) => row.kind === kind);
      m.jobBacklog.set({ kind }, rows.reduce((total, row) => total + row.due, 0));
      m.jobsDead.set({ kind }, rows.find((row) => row.state === "dead")?.count ?? 0);
    }
    m.webhookBacklog.set(backlogs.webhooks.due);
    m.webhookPending.set(backlogs.webhooks.pending);
    m.webhookDead.set(backlogs.webhooks.dead);
    m.forwardingBacklog.set(backlogs.forwarding);
    m.databaseUp.set(1);
  } catch (error) {
    logger().warn({ err: error instanceof Error ? error.name : typeof error }, "metrics: the database could not be read");
    m.databaseUp.set(0);
  }
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}
