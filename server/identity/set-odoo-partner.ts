import type { BillingCustomer } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { notFound, validationFailed } from "~/server/errors";

/** Maps a billing customer to an existing Odoo res.partner (null clears it); one partner per customer. */
export async function setOdooPartner(options: {
  db: DbOrTx;
  billingCustomerId: string;
  odooPartnerId: number | null;
  actorId: string;
}): Promise<BillingCustomer> {
  try {
    return await inTransaction(options.db, async (tx) => {
      const before = await tx.billingCustomer.findUnique({ where: { id: options.billingCustomerId } });
      if (!before) throw notFound("billing_customer");
      const after = await tx.billingCustomer.update({ where: { id: before.id }, data: { odooPartnerId: options.odooPartnerId } });
      await recordAudit(tx, { actorId: options.actorId, action: "billing_customer.set_odoo_partner", entityType: "billing_customer", entityId: before.id, before, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed({ odoo_partner_id: ["value_already_exist"] });
    throw error;
  }
}
