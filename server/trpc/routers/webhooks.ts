import { z } from "zod";
import { env } from "~/server/env";
import { replayLagoForward } from "~/server/lago-forward/replay-lago-forward";
import { searchDeadLagoForwards } from "~/server/lago-forward/search-dead-lago-forwards";
import { getWebhookDelivery } from "~/server/webhooks/get-webhook-delivery";
import { listWebhookServiceCodes } from "~/server/webhooks/list-webhook-service-codes";
import { replayDeadWebhookDeliveries } from "~/server/webhooks/replay-dead-webhook-deliveries";
import { replayWebhookDelivery } from "~/server/webhooks/replay-webhook-delivery";
import { searchWebhookDeliveries } from "~/server/webhooks/search-webhook-deliveries";
import { webhookSettings } from "~/server/webhooks/webhook-settings";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("webhooks");

/** The outboxes (ops): webhook deliveries, their attempts, and replays (audited); shadow services' dead Lago forwards and their replay. */
export const webhooksRouter = createTRPCRouter({
  list: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchWebhookDeliveries({ db: ctx.db, query: input })),
  serviceCodes: procedure.query(({ ctx }) => listWebhookServiceCodes({ db: ctx.db })),
  get: procedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getWebhookDelivery({ db: ctx.db, id: input.id })),
  replay: procedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => replayWebhookDelivery({ db: ctx.db, settings: webhookSettings(env()), deliveryId: input.id, actorId: ctx.user.id })),
  replayDead: procedure
    .input(z.object({ serviceCode: z.string().trim().min(1).max(64) }))
    .mutation(({ ctx, input }) => replayDeadWebhookDeliveries({ db: ctx.db, settings: webhookSettings(env()), serviceCode: input.serviceCode, actorId: ctx.user.id })),
  listLagoForwards: procedure.query(({ ctx }) => searchDeadLagoForwards({ db: ctx.db })),
  replayLagoForward: procedure.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => replayLagoForward({ db: ctx.db, id: input.id, actorId: ctx.user.id })),
});
