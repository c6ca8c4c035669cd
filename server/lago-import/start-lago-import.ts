import type { LagoImportRun } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { enqueueJob } from "~/server/jobs/enqueue-job";
import { runPayload } from "~/server/jobs/run-payload";
import { sealSecret } from "~/server/lib/sealed-secret";
import type { ImportScope } from "./import-progress";
import { openLagoImport } from "./open-lago-import";

/**
 * For the console: opens (or resumes) an import and queues it in the job table; the
 * screen polls the run's progress (queued until a worker takes it). The API key is never
 * in the run, the audit log or an error: only sealed in the run's job, which erases it
 * when it is done; the run acts with the starting user's authority over the catalog. One
 * job per run: resuming a run whose job is still waiting gives that job the new key (and
 * user); resuming one that is running now changes nothing.
 */
export async function startLagoImport(options: {
  db: Db;
  serviceCode: string;
  baseUrl: string;
  apiKey: string;
  sealingKey: Buffer;
  actorId?: string;
  scope?: ImportScope;
}): Promise<{ run: LagoImportRun; resumed: boolean }> {
  const secret = sealSecret(options.apiKey, options.sealingKey);
  return inTransaction(options.db, async (tx) => {
    const opened = await openLagoImport({ ...options, db: tx });
    const audit = (run: LagoImportRun) =>
      recordAudit(tx, { actorId: options.actorId, action: opened.resumed ? "lago_import.resume" : "lago_import.start", entityType: "lago_import_run", entityId: run.id, after: run });
    const waiting = await tx.job.findFirst({
      where: { kind: "lago_import", state: { in: ["pending", "running", "failed"] }, payload: { path: ["runId"], equals: opened.run.id } },
      select: { id: true, state: true },
    });
    if (waiting?.state === "running") {
      await audit(opened.run);
      return opened;
    }
    const run = await tx.lagoImportRun.update({ where: { id: opened.run.id }, data: { status: "queued", error: null, finishedAt: null } });
    const payload = runPayload(run.id, options.actorId);
    if (waiting) await tx.job.update({ where: { id: waiting.id }, data: { payload, secret, state: "pending", nextRunAt: new Date() } });
    else await enqueueJob({ db: tx, kind: "lago_import", payload, secret });
    await audit(run);
    return { run, resumed: opened.resumed };
  });
}
