import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { findService } from "./find-service";

/**
 * The secret an app needs to verify the hub's HMAC signatures (X-Nexa-Signature, and
 * X-Lago-Signature for `hmac` services). Shown to an admin on request; each reveal is
 * audited (who, when; never the secret itself).
 */
export async function revealWebhookSecret(options: { db: DbOrTx; id: string; actorId: string }): Promise<{ webhookSecret: string }> {
  return inTransaction(options.db, async (tx) => {
    const service = await findService({ db: tx, id: options.id });
    await recordAudit(tx, { actorId: options.actorId, action: "service.reveal_webhook_secret", entityType: "service", entityId: service.id });
    return { webhookSecret: service.webhookSecret };
  });
}
