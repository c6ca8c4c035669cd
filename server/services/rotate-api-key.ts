import type { Service } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { generateApiKey } from "./api-key";
import { forgetAuthenticatedServices } from "./authenticate-service";
import { findService } from "./find-service";

/**
 * Replaces a service's key. The old key stops working with the commit (only one hash
 * is stored; other app processes may accept it for about 500 ms from their key cache);
 * the new plaintext is returned once and never stored.
 */
export async function rotateApiKey(options: { db: DbOrTx; id: string; actorId: string; now?: Date }): Promise<{ service: Service; apiKey: string }> {
  const key = generateApiKey();
  const service = await inTransaction(options.db, async (tx) => {
    const before = await findService({ db: tx, id: options.id });
    const after = await tx.service.update({
      where: { id: before.id },
      data: { apiKeyHash: key.hash, apiKeyPrefix: key.displayPrefix, apiKeyRotatedAt: options.now ?? new Date() },
    });
    await recordAudit(tx, { actorId: options.actorId, action: "service.rotate_api_key", entityType: "service", entityId: before.id, before, after });
    return after;
  });
  forgetAuthenticatedServices();
  return { service, apiKey: key.plaintext };
}
