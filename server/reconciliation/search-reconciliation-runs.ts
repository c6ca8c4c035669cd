import type { Prisma, ReconciliationRun } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";

const SORTABLE = ["createdAt", "periodStart", "lineCount"] as const;

/** Runs with their per-status totals, newest first by default. */
export async function searchReconciliationRuns(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<ReconciliationRun>> {
  const { query } = options;
  const where = tableWhere<Prisma.ReconciliationRunWhereInput>(query, { filters: { status: (status) => ({ status }) } });
  return readTablePage(
    options.db.reconciliationRun.findMany({ where, ...tableWindow(query, SORTABLE, { id: "createdAt", desc: true }) }),
    options.db.reconciliationRun.count({ where }),
  );
}
