import type { ScheduleRun } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { SCHEDULE_NAMES, SCHEDULES, type ScheduleName, type ScheduleRunError } from "./schedules";

export interface ScheduleStatus {
  name: ScheduleName;
  label: string;
  route: string;
  cli: string;
  cadenceMs: number;
  lastRun: ScheduleRun | null;
  /** When its last run without errors finished. */
  lastSuccessAt: Date | null;
  /** Last start + cadence: when the platform's scheduler should call again. */
  nextExpectedAt: Date | null;
  /** The last start is more than two cadences ago: the scheduler may not be calling. */
  overdue: boolean;
}

export interface RecentRunError extends ScheduleRunError {
  schedule: ScheduleName;
  runId: string;
  at: Date;
}

/**
 * Every schedule's last run and expected next one, and the errors of recent runs
 * (planning failures such as an Odoo access error, a run that failed outright), newest first.
 */
export async function getScheduleStatus(options: {
  db: DbOrTx;
  now?: Date;
  errorLimit?: number;
  /** The periods the worker runs them at (scheduleCadences), when they differ from the defaults; 0 = off. */
  cadences?: Partial<Record<ScheduleName, number>>;
}): Promise<{ schedules: ScheduleStatus[]; recentErrors: RecentRunError[] }> {
  const now = options.now ?? new Date();
  const names = SCHEDULE_NAMES;
  const [lastRuns, lastSuccesses] = await Promise.all([
    Promise.all(names.map((schedule) => options.db.scheduleRun.findFirst({ where: { schedule }, orderBy: { startedAt: "desc" } }))),
    Promise.all(names.map((schedule) => options.db.scheduleRun.findFirst({ where: { schedule, outcome: "succeeded" }, orderBy: { startedAt: "desc" }, select: { finishedAt: true } }))),
  ]);
  const failing = await options.db.scheduleRun.findMany({
    where: { OR: [{ outcome: "partial_failure" }, { outcome: "failed" }] },
    orderBy: { startedAt: "desc" },
    take: 20,
  });
  const recentErrors = failing.flatMap((run): RecentRunError[] => {
    const schedule = run.schedule as ScheduleName;
    const inner = (run.errors as unknown as ScheduleRunError[]).map((error) => ({ ...error, schedule, runId: run.id, at: run.startedAt }));
    return run.error ? [{ subject: "the whole run", message: run.error, schedule, runId: run.id, at: run.startedAt }, ...inner] : inner;
  });
  return {
    schedules: names.map((name, index) => {
      const lastRun = lastRuns[index] ?? null;
      const { label, route, cli } = SCHEDULES[name];
      const cadenceMs = options.cadences?.[name] ?? SCHEDULES[name].cadenceMs;
      const nextExpectedAt = lastRun && cadenceMs > 0 ? new Date(lastRun.startedAt.getTime() + cadenceMs) : null;
      const overdue = !!lastRun && cadenceMs > 0 && now.getTime() - lastRun.startedAt.getTime() > 2 * cadenceMs;
      return { name, label, route, cli, cadenceMs, lastRun, lastSuccessAt: lastSuccesses[index]?.finishedAt ?? null, nextExpectedAt, overdue };
    }),
    recentErrors: recentErrors.slice(0, options.errorLimit ?? 20),
  };
}
