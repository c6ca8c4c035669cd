import type { Db } from "~/server/db/client";
import type { Env } from "~/server/env";
import { drainLagoForwards } from "~/server/lago-forward/drain-lago-forwards";
import { completeDueCutovers } from "~/server/migration/complete-due-cutovers";
import { syncShadowServices } from "~/server/migration/sync-shadow-services";
import { sealingKeyFrom } from "~/server/lib/sealed-secret";
import type { OdooClient } from "~/server/odoo";
import { runUsagePush } from "~/server/usage-push/run-usage-push";
import { drainWebhooks, pollOdooLifecycle, webhookSettings } from "~/server/webhooks";
import { reportCutovers, reportLagoForwardDrain, reportOdooPoll, reportShadowSync, reportUsagePush, reportWebhookDrain } from "./schedule-reports";
import type { ScheduleName, ScheduleRunReport } from "./schedules";

/** What a schedule's run is given, whoever fires it (worker, cron route, CLI). */
export interface ScheduleContext {
  db: Db;
  settings: Env;
  /** Throws when Odoo is not configured: called only by the schedules that need it. */
  odoo: () => OdooClient;
  /** Aborted when the worker is stopping: a run claims no more work, finishing what it holds. */
  signal?: AbortSignal;
  /** The lease owner of the jobs a run claims, so a stopping worker can release them. */
  owner?: string;
}

interface ScheduleRunner<Result> {
  run: (context: ScheduleContext) => Promise<Result>;
  report: (result: Result) => ScheduleRunReport;
}

const runner = <Result>(run: ScheduleRunner<Result>["run"], report: ScheduleRunner<Result>["report"]): ScheduleRunner<Result> => ({ run, report });

/** One runner per schedule of SCHEDULES: the work, and what its recorded run reports. */
export const SCHEDULE_RUNNERS = {
  "usage-push": runner(
    ({ db, settings, odoo, signal, owner }) =>
      runUsagePush({ db, odoo: odoo(), leadHours: settings.USAGE_PUSH_LEAD_HOURS, maxAttempts: settings.USAGE_PUSH_MAX_ATTEMPTS, signal, worker: owner }),
    reportUsagePush,
  ),
  webhooks: runner(({ db, settings, signal }) => drainWebhooks({ db, settings: webhookSettings(settings), signal }), reportWebhookDrain),
  "lago-forward": runner(
    ({ db, settings, signal }) => drainLagoForwards({ db, sealingKey: sealingKeyFrom(settings.NEXTAUTH_SECRET), maxAttempts: settings.LAGO_FORWARD_MAX_ATTEMPTS, timeoutMs: settings.LAGO_FORWARD_TIMEOUT_MS, signal }),
    reportLagoForwardDrain,
  ),
  "odoo-poll": runner(({ db, settings, odoo }) => pollOdooLifecycle({ db, settings: webhookSettings(settings), odoo: odoo() }), reportOdooPoll),
  "migration-sync": runner(({ db, settings }) => syncShadowServices({ db, sealingKey: sealingKeyFrom(settings.NEXTAUTH_SECRET) }), reportShadowSync),
  "migration-cutover": runner(({ db }) => completeDueCutovers({ db }), reportCutovers),
  // Each runner has its own result type; ScheduleResult gives it back per name.
} satisfies { [Name in ScheduleName]: ScheduleRunner<any> };

export type ScheduleResult<Name extends ScheduleName> = Awaited<ReturnType<(typeof SCHEDULE_RUNNERS)[Name]["run"]>>;
