import { cronRoute } from "~/server/http/cron-route";
import { env } from "~/server/env";
import { previewUsagePush } from "~/server/usage-push/preview-usage-push";
import { runUsagePush } from "~/server/usage-push/run-usage-push";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";

export const dynamic = "force-dynamic";

/** POST /api/cron/usage-push[?dry_run=true] with `x-cron-secret`: plan and push usage to Odoo. */
export const POST = cronRoute(async ({ db, searchParams }) => {
  const odoo = odooClientFromEnv();
  const leadHours = env().USAGE_PUSH_LEAD_HOURS;
  if (searchParams.get("dry_run") === "true") {
    return { dry_run: true, rows: await previewUsagePush({ db, odoo, now: new Date(), leadHours }) };
  }
  const summary = await runUsagePush({ db, odoo, leadHours, maxAttempts: env().USAGE_PUSH_MAX_ATTEMPTS });
  return { dry_run: false, ...summary };
});
