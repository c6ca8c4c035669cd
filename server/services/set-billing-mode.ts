import type { BillingMode, Service } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { AppError } from "~/server/errors";
import { findService } from "./find-service";

/**
 * Who bills the service: `shadow` (Lago, while the hub meters, forwards and proxies the
 * reads it cannot answer) or `live` (Odoo through the hub). Shadow needs a Lago URL and
 * key, else the reads would have nowhere to go. The row is locked, so a concurrent switch
 * or connection change cannot leave shadow without a connection. Audited with its reason;
 * the migration's cutover and rollback call this too.
 */
export async function setBillingMode(options: { db: DbOrTx; serviceId: string; mode: BillingMode; actorId?: string; reason?: string }): Promise<Service> {
  return inTransaction(options.db, async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM services WHERE id = ${options.serviceId}::uuid FOR UPDATE`;
    const before = await findService({ db: tx, id: options.serviceId });
    if (options.mode === "shadow" && (!before.lagoApiUrl || !before.lagoApiKeySealed)) {
      throw new AppError("validation_errors", "shadow mode needs the service's Lago API URL and key", { details: { billingMode: ["lago_connection_required"] } });
    }
    if (before.billingMode === options.mode) return before;
    const after = await tx.service.update({ where: { id: before.id }, data: { billingMode: options.mode } });
    await recordAudit(tx, {
      actorId: options.actorId, action: "service.set_billing_mode", entityType: "service", entityId: before.id,
      before: { billingMode: before.billingMode },
      after: { billingMode: after.billingMode, ...(options.reason ? { reason: options.reason } : {}) },
    });
    return after;
  });
}
