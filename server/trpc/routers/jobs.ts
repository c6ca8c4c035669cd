import { z } from "zod";
import { countRetryableJobs, retryJobs } from "~/server/jobs/retry-jobs";
import { retryJob } from "~/server/jobs/retry-job";
import { searchJobs } from "~/server/jobs/search-jobs";
import { env } from "~/server/env";
import { getScheduleStatus } from "~/server/schedules/get-schedule-status";
import { scheduleCadences } from "~/server/schedules/schedules";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("jobs");

/**
 * The job table (ops): queued work and its errors, retrying a failed or dead job or all
 * of those a filter selects (audited), and the schedules' last runs and errors.
 */
export const jobsRouter = createTRPCRouter({
  list: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchJobs({ db: ctx.db, query: input })),
  retry: procedure.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => retryJob({ db: ctx.db, id: input.id, actorId: ctx.user.id })),
  retryableCount: procedure.input(tableQuerySchema).query(({ ctx, input }) => countRetryableJobs({ db: ctx.db, query: input })),
  retryFiltered: procedure.input(tableQuerySchema).mutation(({ ctx, input }) => retryJobs({ db: ctx.db, query: input, actorId: ctx.user.id })),
  schedules: procedure.query(({ ctx }) => getScheduleStatus({ db: ctx.db, cadences: scheduleCadences(env().WORKER_SCHEDULE_SECONDS) })),
});
