import type { Prisma, UsageEvent } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableFilter, tableOrderBy, tableSearch, pageWindow, readTablePage } from "~/server/db/table-query";

const SORTABLE = ["timestamp", "code", "transactionId"] as const;
const FILTERABLE = ["code"] as const;

/** One subscription's events in [from, to), for the usage explorer. */
export async function searchSubscriptionEvents(options: {
  db: DbOrTx;
  subscriptionId: string;
  from: Date;
  to: Date;
  query: TableQuery;
}): Promise<TablePage<UsageEvent>> {
  const { query } = options;
  const code = tableFilter(query, FILTERABLE, "code");
  const where: Prisma.UsageEventWhereInput = {
    subscriptionId: options.subscriptionId,
    timestamp: { gte: options.from, lt: options.to },
    ...tableSearch(query, ["transactionId"]),
    ...(code ? { code } : {}),
  };
  return readTablePage(
    options.db.usageEvent.findMany({ where, orderBy: tableOrderBy(query, SORTABLE, { id: "timestamp", desc: true }), ...pageWindow(query) }),
    options.db.usageEvent.count({ where }),
  );
}
