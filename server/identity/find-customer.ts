import type { AccountLink } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";

/** A service's live (not deleted) customer, or Lago's `customer_not_found`. */
export async function findCustomer(options: { db: DbOrTx; serviceId: string; externalId: string }): Promise<AccountLink> {
  const customer = await options.db.accountLink.findUnique({
    where: { serviceId_externalId: { serviceId: options.serviceId, externalId: options.externalId } },
  });
  if (!customer || customer.deletedAt) throw notFound("customer");
  return customer;
}
