import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, pageWindow, readTablePage, tableOrderBy } from "~/server/db/table-query";
import { lineColumns, lineFilter, type LineRow } from "./line-query";

const SORTABLE = ["customerKey", "chargeKey", "status", "serviceCode", "amountDiffCents"] as const;

/** One run's diff lines, filtered (status, service, customer), sorted and paged on the server. */
export async function searchReconciliationLines(options: { db: DbOrTx; runId: string; query: TableQuery }): Promise<TablePage<LineRow>> {
  const where = lineFilter(options.runId, options.query);
  return readTablePage(
    options.db.reconciliationLine.findMany({ where, select: lineColumns, orderBy: tableOrderBy(options.query, SORTABLE, { id: "customerKey", desc: false }), ...pageWindow(options.query) }),
    options.db.reconciliationLine.count({ where }),
  );
}
