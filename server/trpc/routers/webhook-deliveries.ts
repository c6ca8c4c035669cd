import { z } from "zod";
import { listWebhookDeliveries } from "~/server/operations/list-webhook-deliveries";
import { replayWebhookDelivery } from "~/server/operations/replay-webhook-delivery";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-query";

const procedure = areaProcedure("webhooks");

export const webhookDeliveriesRouter = createTRPCRouter({
  list: procedure.input(tableQuerySchema).query(({ ctx, input }) => listWebhookDeliveries({ db: ctx.db, query: input })),
  replay: procedure.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => replayWebhookDelivery({ db: ctx.db, id: input.id, actorId: ctx.user.id })),
});
