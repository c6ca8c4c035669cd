import type { JobContext, JobOutcome } from "~/server/jobs/drain-jobs";
import { RUN_MAX_ATTEMPTS } from "~/server/jobs/job-policy";
import { runPayloadOf } from "~/server/jobs/run-payload";
import { failJob, finishJob } from "~/server/jobs/settle-job";
import { openSealedSecret } from "~/server/lib/sealed-secret";
import { runLagoImport } from "./run-lago-import";

const UNREADABLE_KEY = "the Lago API key of this import could not be read back (was NEXTAUTH_SECRET changed?): start the import again with the key";

/**
 * The job of a Lago import queued from the console: opens the sealed API key and runs (or
 * resumes) the import with the authority of the user who started it, recording its own
 * failure on the run; the job then ends and its key is erased. A failed run is resumed by
 * starting the import again.
 */
export async function runLagoImportJob(context: JobContext & { sealingKey: Buffer }): Promise<JobOutcome & { runStatus?: string }> {
  const { db, job, owner, now } = context;
  try {
    const { runId, startedBy } = runPayloadOf(job);
    let run = await db.lagoImportRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.status !== "succeeded") {
      const apiKey = job.secret === null ? null : openSealedSecret(job.secret, context.sealingKey);
      run = apiKey === null
        ? await db.lagoImportRun.update({ where: { id: run.id }, data: { status: "failed", error: UNREADABLE_KEY, finishedAt: new Date() } })
        : await runLagoImport({ db, run, apiKey, startedBy });
    }
    await finishJob({ db, job, owner, state: "succeeded", data: { lastError: null } });
    return { jobId: job.id, outcome: "succeeded", runStatus: run.status };
  } catch (error) {
    const { state, message } = await failJob({ db, job, owner, error, maxAttempts: RUN_MAX_ATTEMPTS, now });
    return { jobId: job.id, outcome: state, error: message };
  }
}
