import type { WebhookDelivery } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { env } from "~/server/env";
import { notFound } from "~/server/errors";
import { isUuid } from "~/server/lib/uuid";

/** The fields a replay resets: due now, with a fresh retry window. */
export function replayedState(now: Date) {
  return {
    state: "pending" as const,
    nextRunAt: now,
    retryUntil: new Date(now.getTime() + env().WEBHOOK_RETRY_WINDOW_HOURS * 3_600_000),
    deadAt: null,
    deliveredAt: null,
  };
}

/**
 * Queues one delivery again (dead, or delivered and wanted once more), under the same
 * X-Lago-Unique-Key so a receiver that already processed it can tell. It keeps its place
 * in its customer's order: later deliveries of that customer wait for it.
 */
export async function replayDelivery(options: { db: DbOrTx; deliveryId: string; serviceId?: string; now?: Date }): Promise<WebhookDelivery> {
  const { db, deliveryId, serviceId } = options;
  if (!isUuid(deliveryId) || (serviceId !== undefined && !isUuid(serviceId))) throw notFound("webhook_delivery");
  const found = await db.webhookDelivery.findFirst({ where: { id: deliveryId, ...(serviceId ? { serviceId } : {}) }, select: { id: true } });
  if (!found) throw notFound("webhook_delivery");
  return db.webhookDelivery.update({ where: { id: deliveryId }, data: replayedState(options.now ?? new Date()) });
}
