import type { AccountLink } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { isUniqueViolation } from "~/server/db/unique-violation";
import type { CustomerFields } from "./customer-fields";

/**
 * Lago's POST /customers: an upsert by external id where only the keys present are
 * written. A new app account gets its own billing customer, which staff can later
 * fold into another customer's. A deleted account is revived rather than duplicated,
 * because its past subscriptions and usage still reference it.
 */
export async function upsertCustomer(options: {
  db: Db;
  serviceId: string;
  externalId: string;
  fields: CustomerFields;
}): Promise<{ customer: AccountLink; created: boolean }> {
  const { db, serviceId, externalId, fields } = options;
  const where = { serviceId_externalId: { serviceId, externalId } };
  const existing = await db.accountLink.findUnique({ where });
  if (existing) {
    const customer = await db.accountLink.update({ where, data: { ...fields, deletedAt: null } });
    return { customer, created: existing.deletedAt !== null };
  }
  try {
    const customer = await db.$transaction(async (tx) => {
      const billingCustomer = await tx.billingCustomer.create({
        data: { name: fields.name ?? fields.legalName ?? null, email: fields.email ?? null },
      });
      return tx.accountLink.create({
        data: { ...fields, serviceId, externalId, billingCustomerId: billingCustomer.id },
      });
    });
    return { customer, created: true };
  } catch (error) {
    // A concurrent request created it first: apply ours as the update it now is.
    if (!isUniqueViolation(error)) throw error;
    return { customer: await db.accountLink.update({ where, data: fields }), created: false };
  }
}
