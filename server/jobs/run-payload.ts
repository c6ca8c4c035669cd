import { z } from "zod";
import type { Job } from "~/generated/prisma/client";

/** The payload of a job that executes a stored run (reconciliation, Lago import): the run's id. */
const runPayloadSchema = z.object({ runId: z.uuid() });

export const runPayload = (runId: string) => ({ runId });

/** The run a job executes; a malformed payload throws, failing the job rather than guessing. */
export const runIdOf = (job: Pick<Job, "id" | "payload">): string => {
  const parsed = runPayloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new Error(`job ${job.id} has no run to execute`);
  return parsed.data.runId;
};
