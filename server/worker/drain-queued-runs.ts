import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db/client";
import { drainJobs } from "~/server/jobs/drain-jobs";
import { runLagoImportJob } from "~/server/lago-import/run-lago-import-job";
import type { OdooClient } from "~/server/odoo";
import { runReconciliationJob } from "~/server/reconciliation/run-reconciliation-job";

/**
 * Runs the reconciliation and Lago import runs the console queued, one pass: the worker
 * (one run at a time, under its own renewed short leases), POST /api/cron/jobs,
 * `npm run jobs:drain` and the demo call it. (Usage push jobs are drained by the usage
 * push schedule itself, right after it plans them.)
 */
export async function drainQueuedRuns(options: {
  db: Db;
  odoo: () => OdooClient;
  sealingKey: Buffer;
  now?: Date;
  maxJobs?: number;
  owner?: string;
  leaseMs?: number;
  signal?: AbortSignal;
}) {
  const worker = options.owner ?? `runs-${randomUUID()}`;
  const jobs = await drainJobs({
    db: options.db,
    owner: worker,
    now: options.now ?? new Date(),
    maxJobs: options.maxJobs,
    batch: options.maxJobs,
    leaseMs: options.leaseMs,
    signal: options.signal,
    handlers: {
      reconciliation: (context) => runReconciliationJob({ ...context, odoo: options.odoo }),
      lago_import: (context) => runLagoImportJob({ ...context, sealingKey: options.sealingKey }),
    },
  });
  return { worker, jobs };
}
