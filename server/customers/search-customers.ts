import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, readTablePage, tableWindow } from "~/server/db/table-query";

const customerRowInclude = {
  accountLinks: { where: { deletedAt: null }, select: { id: true, externalId: true, service: { select: { code: true } } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.BillingCustomerInclude;
export type CustomerRow = Prisma.BillingCustomerGetPayload<{ include: typeof customerRowInclude }>;

const SORTABLE = ["name", "email", "createdAt"] as const;

/** Billing customers, found by their name or email or by any of their app accounts (id, name, email). */
export async function searchCustomers(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<CustomerRow>> {
  const { query } = options;
  const term = query.search ? { contains: query.search, mode: "insensitive" as const } : null;
  const where: Prisma.BillingCustomerWhereInput = term
    ? { OR: [{ name: term }, { email: term }, { accountLinks: { some: { deletedAt: null, OR: [{ externalId: term }, { name: term }, { email: term }] } } }] }
    : {};
  return readTablePage(
    options.db.billingCustomer.findMany({ where, include: customerRowInclude, ...tableWindow(query, SORTABLE, { id: "createdAt", desc: true }) }),
    options.db.billingCustomer.count({ where }),
  );
}
