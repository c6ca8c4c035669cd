import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { replayDeadDeliveries } from "~/server/webhooks/replay-dead-deliveries";

/**
 * The console's "replay dead" button for one service (after its endpoint is fixed):
 * the outbox's bulk replay plus one audit row naming the service and the count.
 */
export async function replayDeadWebhookDeliveries(options: { db: DbOrTx; serviceCode: string; actorId: string; now?: Date }): Promise<{ count: number }> {
  return inTransaction(options.db, async (tx) => {
    const result = await replayDeadDeliveries({ db: tx, serviceCode: options.serviceCode, now: options.now });
    await recordAudit(tx, { actorId: options.actorId, action: "webhook_delivery.replay_dead", entityType: "service", entityId: options.serviceCode, after: result });
    return result;
  });
}
