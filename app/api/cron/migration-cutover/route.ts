import { env } from "~/server/env";
import { cronRoute } from "~/server/http/cron-route";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { runSchedule } from "~/server/schedules/run-schedule";

export const dynamic = "force-dynamic";

/** POST /api/cron/migration-cutover with `x-cron-secret` (every minute): turn live the shadow services whose scheduled cutover has come (recorded as a schedule run). */
export const POST = cronRoute(async ({ db }) => runSchedule({ db, settings: env(), odoo: odooClientFromEnv, name: "migration-cutover", trigger: "cron" }));
