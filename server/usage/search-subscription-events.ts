import type { Prisma, UsageEvent } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { type TablePage, type TableQuery, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";

const SORTABLE = ["timestamp", "code", "transactionId"] as const;

/** One subscription's events in [from, to), for the usage explorer. */
export async function searchSubscriptionEvents(options: {
  db: DbOrTx;
  subscriptionId: string;
  from: Date;
  to: Date;
  query: TableQuery;
}): Promise<TablePage<UsageEvent>> {
  const { query } = options;
  // An unknown subscription is a 404, not a page of no events.
  if (!(await options.db.subscription.findUnique({ where: { id: options.subscriptionId }, select: { id: true } }))) throw notFound("subscription");
  const where: Prisma.UsageEventWhereInput = {
    subscriptionId: options.subscriptionId,
    timestamp: { gte: options.from, lt: options.to },
    ...tableWhere<Prisma.UsageEventWhereInput>(query, { search: ["transactionId"], filters: { code: (code) => ({ code }) } }),
  };
  return readTablePage(
    options.db.usageEvent.findMany({ where, ...tableWindow(query, SORTABLE, { id: "timestamp", desc: true }) }),
    options.db.usageEvent.count({ where }),
  );
}
