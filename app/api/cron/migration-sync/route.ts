import { env } from "~/server/env";
import { cronRoute } from "~/server/http/cron-route";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { runSchedule } from "~/server/schedules/run-schedule";

export const dynamic = "force-dynamic";

/** POST /api/cron/migration-sync with `x-cron-secret` (hourly): queue each shadow service's delta import and the reconciliations of its settled months (recorded as a schedule run). */
export const POST = cronRoute(async ({ db }) => runSchedule({ db, settings: env(), odoo: odooClientFromEnv, name: "migration-sync", trigger: "cron" }));
