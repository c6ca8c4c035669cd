import { z } from "zod";
import type { Job } from "~/generated/prisma/client";

/**
 * The payload of a job that executes a stored run (reconciliation, Lago import): the run,
 * and the console user who started it when the run acts with that user's authority.
 */
const runPayloadSchema = z.object({ runId: z.uuid(), startedBy: z.string().optional() });
export type RunPayload = z.output<typeof runPayloadSchema>;

export const runPayload = (runId: string, startedBy?: string): RunPayload => (startedBy ? { runId, startedBy } : { runId });

/** The run a job executes; a malformed payload throws, failing the job rather than guessing. */
export function runPayloadOf(job: Pick<Job, "id" | "payload">): RunPayload {
  const parsed = runPayloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new Error(`job ${job.id} has no run to execute`);
  return parsed.data;
}
