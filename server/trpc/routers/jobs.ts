import { z } from "zod";
import { retryJob } from "~/server/jobs/retry-job";
import { searchJobs } from "~/server/jobs/search-jobs";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("jobs");

/** The job table (ops): queued work and its errors, and retrying a failed or dead job (audited). */
export const jobsRouter = createTRPCRouter({
  list: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchJobs({ db: ctx.db, query: input })),
  retry: procedure.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => retryJob({ db: ctx.db, id: input.id, actorId: ctx.user.id })),
});
