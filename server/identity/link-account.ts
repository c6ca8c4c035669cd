import type { AccountLink } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { notFound } from "~/server/errors";

/**
 * Folds an app account into another billing customer (the same real customer seen by
 * two apps), or, without `billingCustomerId`, splits it out into a new one of its own.
 * The old billing customer is kept: past Odoo pushes may reference it.
 */
export async function linkAccount(options: {
  db: DbOrTx;
  accountLinkId: string;
  billingCustomerId?: string;
  actorId: string;
}): Promise<AccountLink> {
  return inTransaction(options.db, async (tx) => {
    const before = await tx.accountLink.findUnique({ where: { id: options.accountLinkId } });
    if (!before || before.deletedAt) throw notFound("customer");
    let targetId = options.billingCustomerId;
    if (targetId) {
      if (!(await tx.billingCustomer.findUnique({ where: { id: targetId } }))) throw notFound("billing_customer");
    } else {
      targetId = (await tx.billingCustomer.create({ data: { name: before.name ?? before.legalName, email: before.email } })).id;
    }
    const after = await tx.accountLink.update({ where: { id: before.id }, data: { billingCustomerId: targetId } });
    const action = options.billingCustomerId ? "account_link.link" : "account_link.unlink";
    await recordAudit(tx, { actorId: options.actorId, action, entityType: "account_link", entityId: before.id, before, after });
    return after;
  });
}
