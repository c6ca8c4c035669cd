import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableFilter, tableOrderBy, tableSearch, pageWindow, readTablePage } from "~/server/db/table-query";

export const accountRowInclude = {
  service: { select: { code: true } },
  billingCustomer: { select: { id: true, name: true, odooPartnerId: true } },
} satisfies Prisma.AccountLinkInclude;
export type AccountRow = Prisma.AccountLinkGetPayload<{ include: typeof accountRowInclude }>;

const SORTABLE = ["externalId", "name", "email", "createdAt"] as const;
const FILTERABLE = ["service"] as const;

/** App accounts across every service, for staff looking for a customer to link. */
export async function searchAccounts(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<AccountRow>> {
  const { query } = options;
  const service = tableFilter(query, FILTERABLE, "service");
  const where: Prisma.AccountLinkWhereInput = {
    deletedAt: null,
    ...tableSearch(query, ["externalId", "name", "email"]),
    ...(service ? { service: { code: service } } : {}),
  };
  return readTablePage(
    options.db.accountLink.findMany({ where, include: accountRowInclude, orderBy: tableOrderBy(query, SORTABLE, { id: "externalId", desc: false }), ...pageWindow(query) }),
    options.db.accountLink.count({ where }),
  );
}
