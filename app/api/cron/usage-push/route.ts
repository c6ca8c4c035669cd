import { cronRoute } from "~/server/http/cron-route";
import { env } from "~/server/env";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { runSchedule } from "~/server/schedules/run-schedule";
import { previewUsagePush } from "~/server/usage-push/preview-usage-push";

export const dynamic = "force-dynamic";

/** POST /api/cron/usage-push[?dry_run=true] with `x-cron-secret`: plan and push usage to Odoo (recorded as a schedule run). */
export const POST = cronRoute(async ({ db, searchParams }) => {
  if (searchParams.get("dry_run") === "true") {
    return { dry_run: true, rows: await previewUsagePush({ db, odoo: odooClientFromEnv(), now: new Date(), leadHours: env().USAGE_PUSH_LEAD_HOURS }) };
  }
  const summary = await runSchedule({ db, settings: env(), odoo: odooClientFromEnv, name: "usage-push", trigger: "cron" });
  return { dry_run: false, ...summary };
});
