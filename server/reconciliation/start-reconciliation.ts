import type { ReconciliationRun } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import type { OdooClient } from "~/server/odoo";
import { createReconciliationRun } from "./create-reconciliation-run";
import { runReconciliation } from "./run-reconciliation";

/**
 * For the console: opens a run and executes it in the background, so the request returns
 * at once and the screen polls the run's progress. The run records its own failure.
 */
export async function startReconciliation(options: {
  db: Db;
  odoo: OdooClient;
  from: Date;
  to: Date;
  toleranceCents: number;
  serviceCode?: string | null;
  actorId?: string;
}): Promise<ReconciliationRun> {
  const run = await createReconciliationRun({ ...options, startedBy: options.actorId ?? null });
  await recordAudit(options.db, { actorId: options.actorId, action: "reconciliation.start", entityType: "reconciliation_run", entityId: run.id, after: run });
  void runReconciliation({ db: options.db, odoo: options.odoo, run }).catch((error: unknown) => {
    console.error(`reconciliation run ${run.id} could not start:`, error instanceof Error ? error.message : error);
  });
  return run;
}
