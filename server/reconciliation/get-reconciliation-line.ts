import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";

/** One line with both sides' raw data (Lago fees, Odoo invoice lines, the hub's computation) and its run. */
export async function getReconciliationLine(options: { db: DbOrTx; id: string }) {
  const line = await options.db.reconciliationLine.findUnique({ where: { id: options.id }, include: { run: true } });
  if (!line) throw notFound("reconciliation_line");
  return line;
}
