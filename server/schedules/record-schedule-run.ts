import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import type { ScheduleName, ScheduleRunReport, ScheduleTrigger } from "./schedules";

// Enough history for the Jobs screen without the minute-by-minute drain growing the table forever.
const KEPT_RUNS = 200;

/**
 * Runs one schedule's work and records the run: started (so a run that never ends is
 * visible), then its outcome, counts and inner errors, or the error that failed it (which
 * is rethrown for the caller). Older runs of the schedule beyond the last 200 are dropped.
 */
export async function recordScheduleRun<Result>(options: {
  db: Db;
  schedule: ScheduleName;
  trigger: ScheduleTrigger;
  run: () => Promise<Result>;
  report: (result: Result) => ScheduleRunReport;
  now?: () => Date;
  /** Told the run's id once it is recorded as started (a stopping worker closes the runs it cannot finish). */
  onStarted?: (runId: string) => void;
}): Promise<Result> {
  const { db, schedule } = options;
  const now = options.now ?? (() => new Date());
  const started = await db.scheduleRun.create({ data: { schedule, trigger: options.trigger, startedAt: now() } });
  options.onStarted?.(started.id);
  try {
    const result = await options.run();
    const { summary, errors } = options.report(result);
    await db.scheduleRun.update({
      where: { id: started.id },
      data: { finishedAt: now(), outcome: errors.length ? "partial_failure" : "succeeded", summary, errors: errors as unknown as Prisma.InputJsonValue },
    });
    return result;
  } catch (error) {
    await db.scheduleRun.update({ where: { id: started.id }, data: { finishedAt: now(), outcome: "failed", error: error instanceof Error ? error.message : String(error) } });
    throw error;
  } finally {
    await db.$executeRaw`
      DELETE FROM schedule_runs WHERE schedule = ${schedule} AND started_at < (
        SELECT started_at FROM schedule_runs WHERE schedule = ${schedule} ORDER BY started_at DESC OFFSET ${KEPT_RUNS - 1} LIMIT 1)`;
  }
}
