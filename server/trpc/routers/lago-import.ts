import { z } from "zod";
import { env } from "~/server/env";
import { searchLagoImportRuns } from "~/server/lago-import/search-lago-import-runs";
import { startLagoImport } from "~/server/lago-import/start-lago-import";
import { sealingKeyFrom } from "~/server/lib/sealed-secret";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("lago-import");

/** Importing a Lago organization into a service (ops): import runs with progress and report, and starting or resuming one. */
export const lagoImportRouter = createTRPCRouter({
  listRuns: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchLagoImportRuns({ db: ctx.db, query: input })),
  start: procedure
    .input(z.object({ serviceCode: z.string().min(1).max(100), baseUrl: z.url(), apiKey: z.string().min(1).max(500) }))
    .mutation(({ ctx, input }) => startLagoImport({ db: ctx.db, ...input, sealingKey: sealingKeyFrom(env().NEXTAUTH_SECRET), actorId: ctx.user.id })),
});
