import type { ReconciliationRun } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";

/** One run (its period, tolerance, progress and per-status totals); an unknown id is a 404, not an empty run. */
export async function getReconciliationRun(options: { db: DbOrTx; id: string }): Promise<ReconciliationRun> {
  const run = await options.db.reconciliationRun.findUnique({ where: { id: options.id } });
  if (!run) throw notFound("reconciliation_run");
  return run;
}
