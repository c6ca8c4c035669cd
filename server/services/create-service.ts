import type { Service, WebhookSignature } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { validationFailed } from "~/server/errors";
import { checkWebhookUrl } from "./check-webhook-url";
import { generateApiKey, generateWebhookSecret, hashApiKey } from "./api-key";

/**
 * Registers a source app. The plaintext API key is returned exactly once; only its
 * hash is stored. `apiKey` lets the demo seed use a well-known key.
 */
export async function createService(options: {
  db: DbOrTx;
  code: string;
  name: string;
  webhookUrl?: string | null;
  /** What X-Lago-Signature carries; default Lago's `jwt`. */
  webhookSignature?: WebhookSignature;
  apiKey?: string;
  actorId?: string;
}): Promise<{ service: Service; apiKey: string }> {
  await checkWebhookUrl(options.webhookUrl);
  const generated = generateApiKey();
  const apiKey = options.apiKey ?? generated.plaintext;
  try {
    const service = await inTransaction(options.db, async (tx) => {
      const created = await tx.service.create({
        data: {
          code: options.code,
          name: options.name,
          webhookUrl: options.webhookUrl ?? null,
          webhookSecret: generateWebhookSecret(),
          webhookSignature: options.webhookSignature,
          apiKeyHash: options.apiKey ? hashApiKey(apiKey) : generated.hash,
          apiKeyPrefix: apiKey.slice(0, 10),
        },
      });
      await recordAudit(tx, { actorId: options.actorId, action: "service.create", entityType: "service", entityId: created.id, after: created });
      return created;
    });
    return { service, apiKey };
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed({ code: ["value_already_exist"] });
    throw error;
  }
}
