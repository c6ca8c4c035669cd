import { z } from "zod";
import { assertOdooConfigured } from "~/server/odoo/client-from-env";
import { getMismatchTrend } from "~/server/reconciliation/get-mismatch-trend";
import { getReconciliationLine } from "~/server/reconciliation/get-reconciliation-line";
import { getReconciliationRun } from "~/server/reconciliation/get-reconciliation-run";
import { listRunServiceCodes } from "~/server/reconciliation/list-run-service-codes";
import { searchReconciliationLines } from "~/server/reconciliation/search-reconciliation-lines";
import { searchReconciliationRuns } from "~/server/reconciliation/search-reconciliation-runs";
import { startReconciliation } from "~/server/reconciliation/start-reconciliation";
import { sumReconciliationLines } from "~/server/reconciliation/sum-reconciliation-lines";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("reconciliation");
const day = z.iso.date().transform((value) => new Date(`${value}T00:00:00.000Z`));

/** Dual run (ops): reconciliation runs, their lines and the mismatch trend. */
export const reconciliationRouter = createTRPCRouter({
  listRuns: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchReconciliationRuns({ db: ctx.db, query: input })),
  getRun: procedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getReconciliationRun({ db: ctx.db, id: input.id })),
  listLines: procedure
    .input(z.object({ runId: z.uuid(), query: tableQuerySchema }))
    .query(({ ctx, input }) => searchReconciliationLines({ db: ctx.db, runId: input.runId, query: input.query })),
  totals: procedure
    .input(z.object({ runId: z.uuid(), query: tableQuerySchema }))
    .query(({ ctx, input }) => sumReconciliationLines({ db: ctx.db, runId: input.runId, query: input.query })),
  serviceCodes: procedure.input(z.object({ runId: z.uuid() })).query(({ ctx, input }) => listRunServiceCodes({ db: ctx.db, runId: input.runId })),
  getLine: procedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getReconciliationLine({ db: ctx.db, id: input.id })),
  trend: procedure.query(({ ctx }) => getMismatchTrend({ db: ctx.db })),
  start: procedure
    .input(z.object({ from: day, to: day, toleranceCents: z.number().int().min(0).max(1_000_000), serviceCode: z.string().max(100).nullable().default(null) }))
    .mutation(({ ctx, input }) => {
      assertOdooConfigured();
      return startReconciliation({ db: ctx.db, ...input, actorId: ctx.user.id });
    }),
});
