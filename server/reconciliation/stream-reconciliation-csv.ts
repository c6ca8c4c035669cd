import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import type { TableQuery } from "~/server/db/table-query";
import { formatCsvRow } from "./format-csv-row";
import { lineColumns, lineFilter } from "./line-query";

const HEADER = [
  "service", "customer", "charge", "status", "currency", "lago_units", "lago_amount_cents", "odoo_units", "odoo_amount_cents",
  "hub_units", "hub_amount_cents", "lago_minus_odoo_cents",
];
const BATCH = 1000;

/**
 * A run's lines as CSV, read in id-ordered batches so a large run is streamed rather
 * than held in memory. Takes the diff table's filters, so the export is what is on screen.
 */
export async function* streamReconciliationCsv(options: { db: DbOrTx; runId: string; query: TableQuery }): AsyncGenerator<string> {
  const run = await options.db.reconciliationRun.findUnique({ where: { id: options.runId }, select: { id: true } });
  if (!run) throw notFound("reconciliation_run");
  yield formatCsvRow(HEADER);
  const where = lineFilter(options.runId, options.query);
  let cursor: string | undefined;
  for (;;) {
    const rows = await options.db.reconciliationLine.findMany({
      where: cursor ? { AND: [where, { id: { gt: cursor } }] } : where,
      select: lineColumns,
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (!rows.length) return;
    yield rows
      .map((line) =>
        formatCsvRow([
          line.serviceCode, line.customerKey, line.chargeKey, line.status, line.currency, line.lagoUnits, line.lagoAmountCents,
          line.odooUnits, line.odooAmountCents, line.hubUnits, line.hubAmountCents, line.amountDiffCents,
        ]),
      )
      .join("");
    cursor = rows.at(-1)!.id;
  }
}
