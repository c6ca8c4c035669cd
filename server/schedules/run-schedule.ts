import { recordScheduleRun } from "./record-schedule-run";
import { SCHEDULE_RUNNERS, type ScheduleContext, type ScheduleResult } from "./schedule-runners";
import type { ScheduleName, ScheduleRunReport, ScheduleTrigger } from "./schedules";

/**
 * Runs one schedule now and records the run (see recordScheduleRun): what the cron
 * routes, the CLIs and the worker all call. `period` (the worker's) is kept in the run's
 * summary, so the runs of one period can be told from the next.
 */
export function runSchedule<Name extends ScheduleName>(
  options: ScheduleContext & { name: Name; trigger: ScheduleTrigger; period?: Date; onStarted?: (runId: string) => void },
): Promise<ScheduleResult<Name>> {
  const { name, trigger, period, onStarted, ...context } = options;
  const runner = SCHEDULE_RUNNERS[name] as unknown as { run: (c: ScheduleContext) => Promise<ScheduleResult<Name>>; report: (r: ScheduleResult<Name>) => ScheduleRunReport };
  return recordScheduleRun({
    db: context.db,
    schedule: name,
    trigger,
    onStarted,
    run: () => runner.run(context),
    report: (result) => {
      const report = runner.report(result);
      return period ? { ...report, summary: { period: period.toISOString(), ...report.summary } } : report;
    },
  });
}
