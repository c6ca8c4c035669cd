import { env } from "~/server/env";
import { cronRoute } from "~/server/http/cron-route";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { recordScheduleRun } from "~/server/schedules/record-schedule-run";
import { reportOdooPoll } from "~/server/schedules/schedule-reports";
import { pollOdooLifecycle, webhookSettings } from "~/server/webhooks";

export const dynamic = "force-dynamic";

/** POST /api/cron/odoo-poll with `x-cron-secret` (every few minutes): catch Odoo changes whose webhook was lost (recorded as a schedule run). */
export const POST = cronRoute(async ({ db }) =>
  recordScheduleRun({
    db, schedule: "odoo-poll", trigger: "cron", report: reportOdooPoll,
    run: () => pollOdooLifecycle({ db, settings: webhookSettings(env()), odoo: odooClientFromEnv() }),
  }));
