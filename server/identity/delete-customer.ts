import type { AccountLink } from "~/generated/prisma/client";
import { type AuditActor, recordAudit } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import { findCustomer } from "./find-customer";

/**
 * Lago deletes a customer by terminating its live subscriptions and hiding it. The
 * row stays (soft delete): its usage and subscriptions remain auditable.
 */
export async function deleteCustomer(options: { db: Db; serviceId: string; externalId: string; now?: Date; actor?: AuditActor }): Promise<AccountLink> {
  const now = options.now ?? new Date();
  return options.db.$transaction(async (tx) => {
    const customer = await findCustomer({ db: tx, serviceId: options.serviceId, externalId: options.externalId });
    await tx.subscription.updateMany({
      where: { accountLinkId: customer.id, status: "active" },
      data: { status: "terminated", terminatedAt: now },
    });
    await tx.subscription.updateMany({
      where: { accountLinkId: customer.id, status: "pending" },
      data: { status: "canceled", canceledAt: now },
    });
    const deleted = await tx.accountLink.update({ where: { id: customer.id }, data: { deletedAt: now } });
    await recordAudit(tx, { ...options.actor, action: "customer.delete", entityType: "account_link", entityId: customer.id, before: customer, after: deleted });
    return deleted;
  });
}
