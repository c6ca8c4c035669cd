import { z } from "zod";
import { listJobs } from "~/server/operations/list-jobs";
import { retryJob } from "~/server/operations/retry-job";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("jobs");

export const jobsRouter = createTRPCRouter({
  list: procedure.input(tableQuerySchema).query(({ ctx, input }) => listJobs({ db: ctx.db, query: input })),
  retry: procedure.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => retryJob({ db: ctx.db, id: input.id, actorId: ctx.user.id })),
});
