import type { Service } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { AppError } from "~/server/errors";
import { assertOutboundUrl, OutboundUrlError } from "~/server/lib/guarded-fetch";
import { sealSecret } from "~/server/lib/sealed-secret";
import { lagoApiRoot } from "~/server/lago-client/fetch-lago-json";
import { lagoAddressPolicy } from "~/server/lago-client/lago-address-policy";
import { findService } from "./find-service";

/**
 * Points a service at the Lago it is migrating from. The URL must pass the same address
 * guard every Lago request goes through, so a console user cannot aim the hub inside the
 * network. The key is sealed at once and never read back: `apiKey` undefined keeps the
 * stored one (changing only the URL), null removes it. A shadow service cannot lose its
 * connection, since its proxied reads and forwards need it.
 */
export async function setLagoConnection(options: {
  db: DbOrTx;
  serviceId: string;
  apiUrl: string | null;
  apiKey?: string | null;
  sealingKey: Buffer;
  actorId: string;
}): Promise<Service> {
  const apiUrl = options.apiUrl === null ? null : lagoApiRoot(options.apiUrl.trim());
  if (apiUrl !== null) {
    try {
      await assertOutboundUrl(apiUrl, { policy: lagoAddressPolicy() });
    } catch (error) {
      if (error instanceof OutboundUrlError) throw new AppError("validation_errors", error.message, { details: { lagoApiUrl: [error.message] } });
      throw error;
    }
  }
  return inTransaction(options.db, async (tx) => {
    // Locked as setBillingMode locks it: a concurrent switch to shadow sees this change or waits for it.
    await tx.$executeRaw`SELECT 1 FROM services WHERE id = ${options.serviceId}::uuid FOR UPDATE`;
    const before = await findService({ db: tx, id: options.serviceId });
    const sealed = options.apiKey === undefined ? before.lagoApiKeySealed : options.apiKey === null ? null : sealSecret(options.apiKey, options.sealingKey);
    if (before.billingMode === "shadow" && (apiUrl === null || sealed === null)) {
      throw new AppError("validation_errors", "a shadow service needs its Lago connection: switch it to live first", { details: { lagoApiUrl: ["required_in_shadow"] } });
    }
    const after = await tx.service.update({ where: { id: before.id }, data: { lagoApiUrl: apiUrl, lagoApiKeySealed: sealed } });
    // The audit trail says whether a key was set or replaced, never the key (sealed or not).
    await recordAudit(tx, {
      actorId: options.actorId, action: "service.set_lago_connection", entityType: "service", entityId: before.id,
      before: { lagoApiUrl: before.lagoApiUrl, lagoKeySet: before.lagoApiKeySealed !== null },
      after: { lagoApiUrl: after.lagoApiUrl, lagoKeySet: sealed !== null, lagoKeyReplaced: typeof options.apiKey === "string" },
    });
    return after;
  });
}
