import type { Service } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { generateWebhookSecret } from "./api-key";
import { findService } from "./find-service";

/**
 * Replaces a service's webhook secret. Every webhook sent after the commit, retries of
 * earlier ones included, is signed with the new secret (signatures are computed at each
 * attempt), so the app must be given it at once. Audited without the secret.
 */
export async function rotateWebhookSecret(options: { db: DbOrTx; id: string; actorId: string }): Promise<{ service: Service; webhookSecret: string }> {
  const webhookSecret = generateWebhookSecret();
  return inTransaction(options.db, async (tx) => {
    const before = await findService({ db: tx, id: options.id });
    const service = await tx.service.update({ where: { id: before.id }, data: { webhookSecret } });
    await recordAudit(tx, { actorId: options.actorId, action: "service.rotate_webhook_secret", entityType: "service", entityId: before.id, before, after: service });
    return { service, webhookSecret };
  });
}
