import { z } from "zod";
import { listWebhookDeliveries, listWebhookServiceCodes } from "~/server/operations/list-webhook-deliveries";
import { replayDeadWebhookDeliveries } from "~/server/operations/replay-dead-webhook-deliveries";
import { replayWebhookDelivery } from "~/server/operations/replay-webhook-delivery";
import { getWebhookDelivery } from "~/server/webhooks/get-webhook-delivery";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("webhooks");

export const webhookDeliveriesRouter = createTRPCRouter({
  list: procedure.input(tableQuerySchema).query(({ ctx, input }) => listWebhookDeliveries({ db: ctx.db, query: input })),
  serviceCodes: procedure.query(({ ctx }) => listWebhookServiceCodes({ db: ctx.db })),
  get: procedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getWebhookDelivery({ db: ctx.db, id: input.id })),
  replay: procedure.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => replayWebhookDelivery({ db: ctx.db, id: input.id, actorId: ctx.user.id })),
  replayDead: procedure
    .input(z.object({ serviceCode: z.string().trim().min(1).max(64) }))
    .mutation(({ ctx, input }) => replayDeadWebhookDeliveries({ db: ctx.db, serviceCode: input.serviceCode, actorId: ctx.user.id })),
});
