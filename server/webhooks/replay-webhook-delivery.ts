import type { WebhookDelivery } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { notFound } from "~/server/errors";
import { isUuid } from "~/server/lib/uuid";
import { replayedState } from "./replayed-state";
import type { WebhookSettings } from "./webhook-settings";

/**
 * Queues one delivery again (dead, or delivered and wanted once more), under the same
 * X-Lago-Unique-Key so a receiver that already processed it can tell. It keeps its place
 * in its customer's order: later deliveries of that customer wait for it. `serviceId`
 * narrows the lookup to one service's deliveries; `actorId` (a console user) audits the
 * replay in the same transaction.
 */
export async function replayWebhookDelivery(options: {
  db: DbOrTx;
  deliveryId: string;
  serviceId?: string;
  actorId?: string;
  settings: WebhookSettings;
  now?: Date;
}): Promise<WebhookDelivery> {
  const { deliveryId, serviceId } = options;
  if (!isUuid(deliveryId) || (serviceId !== undefined && !isUuid(serviceId))) throw notFound("webhook_delivery");
  return inTransaction(options.db, async (tx) => {
    const before = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, ...(serviceId ? { serviceId } : {}) } });
    if (!before) throw notFound("webhook_delivery");
    const after = await tx.webhookDelivery.update({ where: { id: deliveryId }, data: replayedState(options.now ?? new Date(), options.settings.retryWindowHours) });
    await recordAudit(tx, { actorId: options.actorId, action: "webhook_delivery.replay", entityType: "webhook_delivery", entityId: after.id, before, after });
    return after;
  });
}
