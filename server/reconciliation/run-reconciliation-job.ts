import type { ReconciliationRun } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import type { JobContext, JobOutcome } from "~/server/jobs/drain-jobs";
import { RUN_MAX_ATTEMPTS } from "~/server/jobs/job-policy";
import { runPayloadOf } from "~/server/jobs/run-payload";
import { failJob, finishJob } from "~/server/jobs/settle-job";
import type { OdooClient } from "~/server/odoo";
import { runReconciliation } from "./run-reconciliation";

const closeRun = (db: Db, runId: string, error: string) =>
  db.reconciliationRun.update({ where: { id: runId }, data: { status: "failed", progress: null, error, finishedAt: new Date() } });

async function execute(db: Db, run: ReconciliationRun, odoo: () => OdooClient): Promise<ReconciliationRun> {
  // A run that a worker began and never finished (it died; its lease expired and the job
  // came back) is closed as failed: runs are immutable, the operator starts a new one.
  if (run.progress !== "queued") return closeRun(db, run.id, "interrupted: the worker stopped before the run finished; start a new run");
  let client: OdooClient;
  try {
    client = odoo();
  } catch (error) {
    return closeRun(db, run.id, error instanceof Error ? error.message : String(error));
  }
  return runReconciliation({ db, odoo: client, run });
}

/**
 * The job of a reconciliation run queued from the console. `odoo` is built only when the
 * run executes, so a hub without Odoo fails the run with that reason, not the job.
 */
export async function runReconciliationJob(context: JobContext & { odoo: () => OdooClient }): Promise<JobOutcome & { runStatus?: string }> {
  const { db, job, owner, now } = context;
  try {
    let run = await db.reconciliationRun.findUniqueOrThrow({ where: { id: runPayloadOf(job).runId } });
    if (run.status === "running") run = await execute(db, run, context.odoo);
    await finishJob({ db, job, owner, state: "succeeded", data: { lastError: null } });
    return { jobId: job.id, outcome: "succeeded", runStatus: run.status };
  } catch (error) {
    const { state, message } = await failJob({ db, job, owner, error, maxAttempts: RUN_MAX_ATTEMPTS, now });
    return { jobId: job.id, outcome: state, error: message };
  }
}
