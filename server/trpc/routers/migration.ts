import { z } from "zod";
import { listMigrationGates } from "~/server/migration/list-migration-gates";
import { rollBackCutover } from "~/server/migration/roll-back-cutover";
import { scheduleCutover } from "~/server/migration/schedule-cutover";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { areaProcedure, createTRPCRouter } from "../trpc";

const procedure = areaProcedure("migration");
/** The service's code, typed again by the operator as the confirmation. */
const typedConfirmation = z.object({ serviceCode: z.string().min(1).max(100), confirmation: z.string().max(100) });

/** The migration page (ops, admin): each shadow service's gate and the lines that block it, and its cutover. */
export const migrationRouter = createTRPCRouter({
  list: procedure.query(({ ctx }) => listMigrationGates({ db: ctx.db })),
  scheduleCutover: procedure
    .input(typedConfirmation)
    .mutation(({ ctx, input }) => scheduleCutover({ db: ctx.db, serviceCode: input.serviceCode, confirmation: input.confirmation, actorId: ctx.user.id })),
  rollBackCutover: procedure
    .input(typedConfirmation)
    .mutation(({ ctx, input }) => rollBackCutover({ db: ctx.db, odoo: odooClientFromEnv, serviceCode: input.serviceCode, confirmation: input.confirmation, actorId: ctx.user.id })),
});
