import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { isUuid } from "~/server/lib/uuid";

const deliveryDetail = {
  service: { select: { id: true, code: true, name: true, webhookUrl: true } },
  lifecycleEvent: true,
  attemptLog: { orderBy: { number: "asc" } },
} satisfies Prisma.WebhookDeliveryInclude;
export type WebhookDeliveryDetail = Prisma.WebhookDeliveryGetPayload<{ include: typeof deliveryDetail }>;

/** One delivery with its event and every attempt (status, latency, answer excerpt, error), for support. */
export async function getWebhookDelivery(options: { db: DbOrTx; id: string }): Promise<WebhookDeliveryDetail> {
  const delivery = isUuid(options.id) ? await options.db.webhookDelivery.findUnique({ where: { id: options.id }, include: deliveryDetail }) : null;
  if (!delivery) throw notFound("webhook_delivery");
  return delivery;
}
