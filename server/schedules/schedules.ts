/**
 * The hub's schedules: work a cron route (or the CLI) triggers on a cadence. The cadence
 * is the one the README asks platforms to schedule, so "next run" is an expectation
 * (last start + cadence), not a promise: the hub does not own the scheduler.
 */
export const SCHEDULES = {
  "usage-push": { label: "Usage push to Odoo", route: "/api/cron/usage-push", cli: "npm run push-usage", cadenceMs: 60 * 60_000 },
  webhooks: { label: "Webhook drain", route: "/api/cron/webhooks", cli: "npm run webhooks:drain", cadenceMs: 60_000 },
  "odoo-poll": { label: "Odoo lifecycle poll", route: "/api/cron/odoo-poll", cli: "npm run webhooks -- poll", cadenceMs: 5 * 60_000 },
} as const satisfies Record<string, { label: string; route: string; cli: string; cadenceMs: number }>;

export type ScheduleName = keyof typeof SCHEDULES;
export type ScheduleTrigger = "cron" | "cli";

/** Something that failed inside a run without failing the run, e.g. one subscription's planning. */
export interface ScheduleRunError {
  subject: string;
  message: string;
}

export interface ScheduleRunReport {
  summary: Record<string, number | string>;
  errors: ScheduleRunError[];
}
