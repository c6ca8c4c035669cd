import { cronRoute } from "~/server/http/cron-route";
import { env } from "~/server/env";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { recordScheduleRun } from "~/server/schedules/record-schedule-run";
import { reportUsagePush } from "~/server/schedules/schedule-reports";
import { previewUsagePush } from "~/server/usage-push/preview-usage-push";
import { runUsagePush } from "~/server/usage-push/run-usage-push";

export const dynamic = "force-dynamic";

/** POST /api/cron/usage-push[?dry_run=true] with `x-cron-secret`: plan and push usage to Odoo (recorded as a schedule run). */
export const POST = cronRoute(async ({ db, searchParams }) => {
  const leadHours = env().USAGE_PUSH_LEAD_HOURS;
  if (searchParams.get("dry_run") === "true") {
    return { dry_run: true, rows: await previewUsagePush({ db, odoo: odooClientFromEnv(), now: new Date(), leadHours }) };
  }
  const summary = await recordScheduleRun({
    db, schedule: "usage-push", trigger: "cron", report: reportUsagePush,
    run: () => runUsagePush({ db, odoo: odooClientFromEnv(), leadHours, maxAttempts: env().USAGE_PUSH_MAX_ATTEMPTS }),
  });
  return { dry_run: false, ...summary };
});
