import { env } from "~/server/env";
import { cronRoute } from "~/server/http/cron-route";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { runSchedule } from "~/server/schedules/run-schedule";

export const dynamic = "force-dynamic";

/** POST /api/cron/odoo-poll with `x-cron-secret` (every few minutes): catch Odoo changes whose webhook was lost (recorded as a schedule run). */
export const POST = cronRoute(async ({ db }) => runSchedule({ db, settings: env(), odoo: odooClientFromEnv, name: "odoo-poll", trigger: "cron" }));
