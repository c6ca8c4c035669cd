import type { Prisma } from "~/generated/prisma/client";
import { type TableQuery, tableWhere } from "~/server/db/table-query";

/** The columns of the diff table; raw data stays out of the list (see get-reconciliation-line). */
export const lineColumns = {
  id: true, runId: true, serviceCode: true, customerKey: true, chargeKey: true, status: true, currency: true,
  lagoUnits: true, lagoAmountCents: true, odooUnits: true, odooAmountCents: true, hubUnits: true, hubAmountCents: true, amountDiffCents: true,
} satisfies Prisma.ReconciliationLineSelect;
export type LineRow = Prisma.ReconciliationLineGetPayload<{ select: typeof lineColumns }>;

/** Where-clause of one run's lines for the table and the CSV export alike. */
export function lineFilter(runId: string, query: TableQuery): Prisma.ReconciliationLineWhereInput {
  return {
    runId,
    ...tableWhere<Prisma.ReconciliationLineWhereInput>(query, {
      search: ["customerKey", "chargeKey"],
      filters: { status: (status) => ({ status }), serviceCode: (serviceCode) => ({ serviceCode }), customerKey: (customerKey) => ({ customerKey }) },
    }),
  };
}
