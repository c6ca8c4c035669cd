import type { Service } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { validationFailed } from "~/server/errors";
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
  apiKey?: string;
}): Promise<{ service: Service; apiKey: string }> {
  const generated = generateApiKey();
  const apiKey = options.apiKey ?? generated.plaintext;
  try {
    const service = await options.db.service.create({
      data: {
        code: options.code,
        name: options.name,
        webhookUrl: options.webhookUrl ?? null,
        webhookSecret: generateWebhookSecret(),
        apiKeyHash: options.apiKey ? hashApiKey(apiKey) : generated.hash,
        apiKeyPrefix: apiKey.slice(0, 10),
      },
    });
    return { service, apiKey };
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed({ code: ["value_already_exist"] });
    throw error;
  }
}
