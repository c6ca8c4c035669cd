import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";

const withAccounts = {
  accountLinks: { where: { deletedAt: null }, include: { service: { select: { code: true } } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.BillingCustomerInclude;
export type BillingCustomerWithAccounts = Prisma.BillingCustomerGetPayload<{ include: typeof withAccounts }>;

/** One billing customer with every live app account folded into it. */
export async function getBillingCustomer(options: { db: DbOrTx; id: string }): Promise<BillingCustomerWithAccounts> {
  const customer = await options.db.billingCustomer.findUnique({ where: { id: options.id }, include: withAccounts });
  if (!customer) throw notFound("billing_customer");
  return customer;
}
