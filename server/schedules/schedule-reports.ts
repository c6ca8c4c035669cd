import type { ShadowSyncResult } from "~/server/migration/sync-shadow-services";
import type { UsagePushSummary } from "~/server/usage-push/run-usage-push";
import type { ScheduleRunReport } from "./schedules";

/** What a usage-push run did, and each subscription it could not plan (e.g. Odoo refused access) or push. */
export function reportUsagePush(result: UsagePushSummary): ScheduleRunReport {
  const planning = Array.isArray(result.planning) ? result.planning : [];
  const count = (outcome: string) => result.jobs.filter((job) => job.outcome === outcome).length;
  return {
    summary: {
      subscriptionsPlanned: planning.filter((outcome) => outcome.decision === "planned").length,
      jobsCreated: planning.reduce((total, outcome) => total + (outcome.jobsCreated ?? 0), 0),
      jobsWritten: count("written"),
      jobsFinalized: count("finalized"),
      jobsFailed: count("failed") + count("dead"),
      ...(Array.isArray(result.planning) ? {} : { planning: result.planning }),
    },
    errors: [
      // "dead": Odoo refused for good (e.g. access rights), recorded as dead jobs too; "error": worth another run.
      ...planning.filter((outcome) => outcome.decision === "error" || outcome.decision === "dead").map((outcome) => ({ subject: `planning ${outcome.subscription}`, message: outcome.detail ?? "unknown error" })),
      // Planned, but Odoo's payment gate would skip the order: ops must fix it in Odoo.
      ...planning.flatMap((outcome) => (outcome.warning ? [{ subject: `Odoo order of ${outcome.subscription}`, message: outcome.warning }] : [])),
      ...result.jobs.flatMap((job) => (job.outcome === "failed" || job.outcome === "dead" ? [{ subject: `job ${job.jobId}`, message: job.error }] : [])),
    ],
  };
}

export function reportWebhookDrain(totals: Record<"delivered" | "retrying" | "dead", number>): ScheduleRunReport {
  return { summary: { ...totals }, errors: [] };
}

export function reportLagoForwardDrain(totals: Record<"delivered" | "retrying" | "dead", number>): ScheduleRunReport {
  return { summary: { ...totals }, errors: [] };
}

export function reportOdooPoll(result: { invoicesObserved: number; ordersObserved: number; events: unknown[] }): ScheduleRunReport {
  return { summary: { invoicesObserved: result.invoicesObserved, ordersObserved: result.ordersObserved, events: result.events.length }, errors: [] };
}

export function reportCutovers(result: { servicesCutOver: string[] }): ScheduleRunReport {
  return { summary: { servicesCutOver: result.servicesCutOver.length, ...(result.servicesCutOver.length ? { services: result.servicesCutOver.join(", ") } : {}) }, errors: [] };
}

/** What a migration-sync run queued, and each shadow service it left alone with why. */
export function reportShadowSync(result: ShadowSyncResult): ScheduleRunReport {
  return {
    summary: {
      importsQueued: result.importsQueued.length,
      reconciliationsQueued: result.reconciliationsQueued.length,
      waiting: result.waiting.length,
      ...(result.reconciliationsQueued.length ? { months: result.reconciliationsQueued.join(", ") } : {}),
      ...(result.waiting.length ? { waitingServices: result.waiting.map((entry) => `${entry.service} (${entry.why})`).join("; ") } : {}),
    },
    errors: result.errors,
  };
}
