import { z } from "zod";
import { getSubscriptionUsage } from "~/server/usage/get-subscription-usage";
import { searchSubscriptionEvents } from "~/server/usage/search-subscription-events";
import { searchSubscriptions } from "~/server/usage/search-subscriptions";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("usage");

export const usageRouter = createTRPCRouter({
  listSubscriptions: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchSubscriptions({ db: ctx.db, query: input })),

  /** The billing period containing `at` (default: now). */
  periodUsage: procedure
    .input(z.object({ subscriptionId: z.uuid(), at: z.date().optional() }))
    .query(({ ctx, input }) => getSubscriptionUsage({ db: ctx.db, subscriptionId: input.subscriptionId, at: input.at ?? new Date() })),

  listEvents: procedure
    .input(z.object({ subscriptionId: z.uuid(), from: z.date(), to: z.date(), query: tableQuerySchema }))
    .query(({ ctx, input }) => searchSubscriptionEvents({ db: ctx.db, ...input })),
});
