import type { AccountLink } from "~/generated/prisma/client";
import type { AuditActor } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import { upsertCustomer } from "./upsert-customer";

export async function findOrCreateCustomer(options: { db: Db; serviceId: string; externalId: string; actor?: AuditActor }): Promise<AccountLink> {
  const customer = await options.db.accountLink.findUnique({
    where: { serviceId_externalId: { serviceId: options.serviceId, externalId: options.externalId } },
  });
  if (customer && !customer.deletedAt) return customer;
  return (await upsertCustomer({ ...options, fields: {} })).customer;
}
