import { env } from "~/server/env";
import { isDraining } from "~/server/lib/shutdown";
import { configuredOdooClient } from "~/server/odoo/client-from-env";
import { scheduleCadences } from "~/server/schedules/schedules";
import { getStatus } from "~/server/status/get-status";
import { areaProcedure, createTRPCRouter } from "../trpc";

/** The status page (ops, admin): readiness, backlogs, dead work and the schedules' last runs. */
export const statusRouter = createTRPCRouter({
  get: areaProcedure("status").query(({ ctx }) =>
    getStatus({ db: ctx.db, odoo: configuredOdooClient, draining: isDraining(), cadences: scheduleCadences(env().WORKER_SCHEDULE_SECONDS) })),
});
