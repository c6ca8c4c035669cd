import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";

export const accountRowInclude = {
  service: { select: { code: true } },
  billingCustomer: { select: { id: true, name: true, odooPartnerId: true } },
} satisfies Prisma.AccountLinkInclude;
export type AccountRow = Prisma.AccountLinkGetPayload<{ include: typeof accountRowInclude }>;

const SORTABLE = ["externalId", "name", "email", "createdAt"] as const;

/** App accounts across every service, for staff looking for a customer to link. */
export async function searchAccounts(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<AccountRow>> {
  const { query } = options;
  const where: Prisma.AccountLinkWhereInput = {
    deletedAt: null,
    ...tableWhere<Prisma.AccountLinkWhereInput>(query, { search: ["externalId", "name", "email"], filters: { service: (code) => ({ service: { code } }) } }),
  };
  return readTablePage(
    options.db.accountLink.findMany({ where, include: accountRowInclude, ...tableWindow(query, SORTABLE, { id: "externalId", desc: false }) }),
    options.db.accountLink.count({ where }),
  );
}
