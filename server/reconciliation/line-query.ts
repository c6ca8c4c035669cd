import type { Prisma } from "~/generated/prisma/client";
import { type TableQuery, tableFilter, tableSearch } from "~/server/db/table-query";

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
