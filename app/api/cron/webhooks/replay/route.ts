import { env } from "~/server/env";
import { cronRoute } from "~/server/http/cron-route";
import { badRequest } from "~/server/errors";
import { replayDeadWebhookDeliveries, replayWebhookDelivery, webhookSettings } from "~/server/webhooks";

export const dynamic = "force-dynamic";

/**
 * POST /api/cron/webhooks/replay?delivery_id=<uuid> (one delivery) or
 * ?service_code=<code> (every dead delivery of that service), with `x-cron-secret`.
 */
export const POST = cronRoute(async ({ db, searchParams }) => {
  const deliveryId = searchParams.get("delivery_id");
  const serviceCode = searchParams.get("service_code");
  if (deliveryId) {
    const delivery = await replayWebhookDelivery({ db, settings: webhookSettings(env()), deliveryId });
    return { replayed: 1, delivery_id: delivery.id };
  }
  if (!serviceCode) throw badRequest("pass delivery_id or service_code");
  const { count } = await replayDeadWebhookDeliveries({ db, settings: webhookSettings(env()), serviceCode });
  return { replayed: count };
});
