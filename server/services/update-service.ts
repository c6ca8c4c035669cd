import type { Service, WebhookSignature } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { checkWebhookUrl } from "./check-webhook-url";
import { forgetAuthenticatedServices } from "./authenticate-service";
import { findService } from "./find-service";

/**
 * Renames a service, points its webhooks elsewhere, picks what X-Lago-Signature carries
 * (`jwt` or `hmac`, from the next attempt on), or enables/disables it. A
 * disabled service's key answers 401 at once in this process (the key cache is cleared)
 * and within a second in any other.
 */
export async function updateService(options: {
  db: DbOrTx;
  id: string;
  changes: { name?: string; webhookUrl?: string | null; webhookSignature?: WebhookSignature; active?: boolean };
  actorId: string;
}): Promise<Service> {
  await checkWebhookUrl(options.changes.webhookUrl);
  const service = await inTransaction(options.db, async (tx) => {
    const before = await findService({ db: tx, id: options.id });
    const after = await tx.service.update({ where: { id: before.id }, data: options.changes });
    const action = options.changes.active === undefined ? "service.update" : options.changes.active ? "service.enable" : "service.disable";
    await recordAudit(tx, { actorId: options.actorId, action, entityType: "service", entityId: before.id, before, after });
    return after;
  });
  forgetAuthenticatedServices();
  return service;
}
