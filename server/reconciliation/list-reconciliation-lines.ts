import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableFilter, tableOrderBy, tableSearch, pageWindow, readTablePage } from "~/server/db/table-query";

const SORTABLE = ["customerKey", "chargeKey", "status", "serviceCode", "amountDiffCents"] as const;
const FILTERABLE = ["status", "serviceCode", "customerKey"] as const;

/** The columns of the diff table; raw data stays out of the list (see get-reconciliation-line). */
export const lineColumns = {
  id: true, runId: true, serviceCode: true, customerKey: true, chargeKey: true, status: true, currency: true,
  lagoUnits: true, lagoAmountCents: true, odooUnits: true, odooAmountCents: true, hubUnits: true, hubAmountCents: true, amountDiffCents: true,
} satisfies Prisma.ReconciliationLineSelect;
export type LineRow = Prisma.ReconciliationLineGetPayload<{ select: typeof lineColumns }>;

/** Where-clause of one run's lines for the table and the CSV export alike. */
export function lineFilter(runId: string, query: TableQuery): Prisma.ReconciliationLineWhereInput {
  const status = tableFilter(query, FILTERABLE, "status");
  const serviceCode = tableFilter(query, FILTERABLE, "serviceCode");
  const customerKey = tableFilter(query, FILTERABLE, "customerKey");
  return {
    runId,
    ...tableSearch(query, ["customerKey", "chargeKey"]),
    ...(status ? { status } : {}),
    ...(serviceCode ? { serviceCode } : {}),
    ...(customerKey ? { customerKey } : {}),
  };
}

/** One run's diff lines, filtered (status, service, customer), sorted and paged on the server. */
export async function listReconciliationLines(options: { db: DbOrTx; runId: string; query: TableQuery }): Promise<TablePage<LineRow>> {
  const where = lineFilter(options.runId, options.query);
  return readTablePage(
    options.db.reconciliationLine.findMany({ where, select: lineColumns, orderBy: tableOrderBy(options.query, SORTABLE, { id: "customerKey", desc: false }), ...pageWindow(options.query) }),
    options.db.reconciliationLine.count({ where }),
  );
}
