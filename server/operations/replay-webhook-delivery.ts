import type { WebhookDelivery } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { replayDelivery } from "~/server/webhooks/replay-delivery";

/**
 * The console's replay button: the outbox's own replay (which also reopens the retry
 * window, so it lives in server/webhooks) plus the audit row, in one transaction.
 */
export async function replayWebhookDelivery(options: { db: DbOrTx; id: string; actorId: string; now?: Date }): Promise<WebhookDelivery> {
  return inTransaction(options.db, async (tx) => {
    const before = await tx.webhookDelivery.findUnique({ where: { id: options.id } });
    const after = await replayDelivery({ db: tx, deliveryId: options.id, now: options.now });
    await recordAudit(tx, { actorId: options.actorId, action: "webhook_delivery.replay", entityType: "webhook_delivery", entityId: after.id, before, after });
    return after;
  });
}
