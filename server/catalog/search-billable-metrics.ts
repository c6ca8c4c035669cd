import type { BillableMetric, Prisma } from "~/generated/prisma/client";
import { AggregationType } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, oneOf, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";

const SORTABLE = ["code", "name", "aggregationType", "createdAt"] as const;

const metricRowInclude = { ownerService: { select: { code: true } } } satisfies Prisma.BillableMetricInclude;
/** A metric of the console's table, with its owner service, if any. */
export type MetricRow = BillableMetric & Prisma.BillableMetricGetPayload<{ include: typeof metricRowInclude }>;

/** The console's metric table (the Lago API lists with its own paging in billable-metrics.ts). */
export async function searchBillableMetrics(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<MetricRow>> {
  const { query } = options;
  const where = tableWhere<Prisma.BillableMetricWhereInput>(query, {
    search: ["code", "name"],
    filters: { aggregationType: oneOf(AggregationType, (aggregationType) => ({ aggregationType })) },
  });
  return readTablePage(
    options.db.billableMetric.findMany({ where, include: metricRowInclude, ...tableWindow(query, SORTABLE, { id: "code", desc: false }) }),
    options.db.billableMetric.count({ where }),
  );
}
