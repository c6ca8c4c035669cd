import type { DbOrTx } from "~/server/db/client";
import { getReconciliationRun } from "./get-reconciliation-run";

/** The services present in a run, for the diff table's service filter. */
export async function listRunServiceCodes(options: { db: DbOrTx; runId: string }): Promise<string[]> {
  await getReconciliationRun({ db: options.db, id: options.runId });
  const rows = await options.db.reconciliationLine.findMany({ where: { runId: options.runId }, distinct: ["serviceCode"], select: { serviceCode: true }, orderBy: { serviceCode: "asc" } });
  return rows.map((row) => row.serviceCode);
}
