import type { Prisma } from "~/generated/prisma/client";
import { SubscriptionStatus } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableEnumFilter, tableFilter, tableOrderBy, tableSearch, pageWindow, readTablePage } from "~/server/db/table-query";

const subscriptionRowInclude = {
  service: { select: { code: true } },
  plan: { select: { code: true, name: true } },
  accountLink: { select: { externalId: true, billingCustomerId: true } },
} satisfies Prisma.SubscriptionInclude;
export type SubscriptionRow = Prisma.SubscriptionGetPayload<{ include: typeof subscriptionRowInclude }>;

const SORTABLE = ["externalId", "status", "subscriptionAt", "createdAt"] as const;
const FILTERABLE = ["status", "service"] as const;

/** Subscriptions of every service, to pick one in the usage explorer. */
export async function searchSubscriptions(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<SubscriptionRow>> {
  const { query } = options;
  const status = tableEnumFilter(query, FILTERABLE, "status", SubscriptionStatus);
  const service = tableFilter(query, FILTERABLE, "service");
  const where: Prisma.SubscriptionWhereInput = {
    ...tableSearch(query, ["externalId", "name"]),
    ...(status ? { status } : {}),
    ...(service ? { service: { code: service } } : {}),
  };
  return readTablePage(
    options.db.subscription.findMany({ where, include: subscriptionRowInclude, orderBy: tableOrderBy(query, SORTABLE, { id: "createdAt", desc: true }), ...pageWindow(query) }),
    options.db.subscription.count({ where }),
  );
}
