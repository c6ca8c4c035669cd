import type { Prisma } from "~/generated/prisma/client";
import { SubscriptionStatus } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, oneOf, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";

const subscriptionRowInclude = {
  service: { select: { code: true } },
  plan: { select: { code: true, name: true } },
  accountLink: { select: { externalId: true, billingCustomerId: true } },
} satisfies Prisma.SubscriptionInclude;
export type SubscriptionRow = Prisma.SubscriptionGetPayload<{ include: typeof subscriptionRowInclude }>;

const SORTABLE = ["externalId", "status", "subscriptionAt", "createdAt"] as const;

/** Subscriptions of every service, to pick one in the usage explorer. */
export async function searchSubscriptions(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<SubscriptionRow>> {
  const { query } = options;
  const where = tableWhere<Prisma.SubscriptionWhereInput>(query, {
    search: ["externalId", "name"],
    filters: { status: oneOf(SubscriptionStatus, (status) => ({ status })), service: (code) => ({ service: { code } }) },
  });
  return readTablePage(
    options.db.subscription.findMany({ where, include: subscriptionRowInclude, ...tableWindow(query, SORTABLE, { id: "createdAt", desc: true }) }),
    options.db.subscription.count({ where }),
  );
}
