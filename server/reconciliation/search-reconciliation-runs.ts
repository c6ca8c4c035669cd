import type { Prisma, ReconciliationRun } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableFilter, tableOrderBy, pageWindow, readTablePage } from "~/server/db/table-query";

const SORTABLE = ["createdAt", "periodStart", "lineCount"] as const;
const FILTERABLE = ["status"] as const;

/** Runs with their per-status totals, newest first by default. */
export async function searchReconciliationRuns(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<ReconciliationRun>> {
  const { query } = options;
  const status = tableFilter(query, FILTERABLE, "status");
  const where: Prisma.ReconciliationRunWhereInput = status ? { status } : {};
  return readTablePage(
    options.db.reconciliationRun.findMany({ where, orderBy: tableOrderBy(query, SORTABLE, { id: "createdAt", desc: true }), ...pageWindow(query) }),
    options.db.reconciliationRun.count({ where }),
  );
}
