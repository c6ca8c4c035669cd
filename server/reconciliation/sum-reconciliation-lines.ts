import type { DbOrTx } from "~/server/db/client";
import type { TableQuery } from "~/server/db/table-query";
import { getReconciliationRun } from "./get-reconciliation-run";
import { lineFilter } from "./line-query";

export interface CurrencyTotals {
  /** Null for lines no side gave a currency (an empty side). */
  currency: string | null;
  lines: number;
  lagoAmountCents: bigint;
  odooAmountCents: bigint;
  hubAmountCents: bigint;
  amountDiffCents: bigint;
}

/**
 * Totals of a run's lines per currency, over what the diff table's filters select (never
 * summed across currencies): what Lago, Odoo and the hub billed, and Lago minus Odoo.
 */
export async function sumReconciliationLines(options: { db: DbOrTx; runId: string; query: TableQuery }): Promise<CurrencyTotals[]> {
  await getReconciliationRun({ db: options.db, id: options.runId });
  const groups = await options.db.reconciliationLine.groupBy({
    by: ["currency"],
    where: lineFilter(options.runId, options.query),
    _count: { _all: true },
    _sum: { lagoAmountCents: true, odooAmountCents: true, hubAmountCents: true, amountDiffCents: true },
    orderBy: { currency: "asc" },
  });
  return groups.map((group) => ({
    currency: group.currency,
    lines: group._count._all,
    lagoAmountCents: group._sum.lagoAmountCents ?? 0n,
    odooAmountCents: group._sum.odooAmountCents ?? 0n,
    hubAmountCents: group._sum.hubAmountCents ?? 0n,
    amountDiffCents: group._sum.amountDiffCents ?? 0n,
  }));
}
