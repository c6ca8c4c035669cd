/**
 * The hub's schedules: work that runs on a cadence, fired by the worker (`npm run worker`,
 * once per period however many workers run) or by a platform's own scheduler calling the
 * cron route (or the CLI). "Next run" on the console is an expectation (last start +
 * cadence), not a promise.
 *
 * To add a schedule: an entry here (label, route, CLI, cadence, whether it needs Odoo) and
 * its runner in `schedule-runners.ts`; the types refuse one without the other. The worker,
 * the status page, the metrics and the Jobs screen pick it up from there.
 */
export const SCHEDULES = {
  "usage-push": { label: "Usage push to Odoo", route: "/api/cron/usage-push", cli: "npm run push-usage", cadenceMs: 60 * 60_000, needsOdoo: true },
  webhooks: { label: "Webhook drain", route: "/api/cron/webhooks", cli: "npm run webhooks:drain", cadenceMs: 60_000, needsOdoo: false },
  "lago-forward": { label: "Lago forwards of shadow services", route: "/api/cron/lago-forward", cli: "npm run lago-forward -- drain", cadenceMs: 60_000, needsOdoo: false },
  "odoo-poll": { label: "Odoo lifecycle poll", route: "/api/cron/odoo-poll", cli: "npm run webhooks -- poll", cadenceMs: 5 * 60_000, needsOdoo: true },
  "migration-sync": { label: "Shadow services kept in step with Lago (delta import, reconciliation)", route: "/api/cron/migration-sync", cli: "npm run migration -- sync", cadenceMs: 60 * 60_000, needsOdoo: false },
  "migration-cutover": { label: "Migration cutovers that have come due", route: "/api/cron/migration-cutover", cli: "npm run migration -- complete", cadenceMs: 60_000, needsOdoo: false },
} as const satisfies Record<string, { label: string; route: string; cli: string; cadenceMs: number; needsOdoo: boolean }>;

export type ScheduleName = keyof typeof SCHEDULES;
export type ScheduleTrigger = "cron" | "cli" | "worker";

export const SCHEDULE_NAMES = Object.keys(SCHEDULES) as ScheduleName[];

/** Something that failed inside a run without failing the run, e.g. one subscription's planning. */
export interface ScheduleRunError {
  subject: string;
  message: string;
}

export interface ScheduleRunReport {
  summary: Record<string, number | string>;
  errors: ScheduleRunError[];
}

/**
 * Each schedule's period: the default cadence, or the seconds WORKER_SCHEDULE_SECONDS gives
 * it (`webhooks=10,usage-push=3600`; 0 turns a schedule off in the worker). An unknown name
 * is refused rather than ignored.
 */
export function scheduleCadences(overrides: string | undefined): Record<ScheduleName, number> {
  const cadences = Object.fromEntries(SCHEDULE_NAMES.map((name) => [name, SCHEDULES[name].cadenceMs])) as Record<ScheduleName, number>;
  for (const pair of overrides ? overrides.split(",") : []) {
    const [name = "", seconds = ""] = pair.split("=");
    if (!(name in SCHEDULES)) throw new Error(`WORKER_SCHEDULE_SECONDS: no schedule is called "${name}" (there are ${SCHEDULE_NAMES.join(", ")})`);
    cadences[name as ScheduleName] = Number(seconds) * 1000;
  }
  return cadences;
}

/**
 * The period of a schedule that `now` falls in: `[start, end)` on a grid of `cadenceMs`
 * from the Unix epoch, so every worker computes the same periods without talking.
 */
export function schedulePeriod(now: Date, cadenceMs: number): { start: Date; end: Date } {
  const start = Math.floor(now.getTime() / cadenceMs) * cadenceMs;
  return { start: new Date(start), end: new Date(start + cadenceMs) };
}
