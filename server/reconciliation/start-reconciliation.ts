import type { ReconciliationRun } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { enqueueJob } from "~/server/jobs/enqueue-job";
import { runPayload } from "~/server/jobs/run-payload";
import { createReconciliationRun } from "./create-reconciliation-run";

/**
 * For the console: opens a run and queues its execution in the job table, in one
 * transaction, so the request returns at once and the screen polls the run's progress
 * (queued until a worker takes it). The run records its own failure.
 */
export async function startReconciliation(options: {
  db: Db;
  from: Date;
  to: Date;
  toleranceCents: number;
  serviceCode?: string | null;
  actorId?: string;
}): Promise<ReconciliationRun> {
  return inTransaction(options.db, async (tx) => {
    const run = await createReconciliationRun({ ...options, db: tx, startedBy: options.actorId ?? null });
    await enqueueJob({ db: tx, kind: "reconciliation", payload: runPayload(run.id) });
    await recordAudit(tx, { actorId: options.actorId, action: "reconciliation.start", entityType: "reconciliation_run", entityId: run.id, after: run });
    return run;
  });
}
