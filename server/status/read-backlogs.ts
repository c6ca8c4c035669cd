import type { JobKind, JobState } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";

export interface JobCount {
  kind: JobKind;
  state: JobState;
  count: number;
  /** Of those, due now and not claimed by a worker. */
  due: number;
}

export interface Backlogs {
  /** Every kind × state that has jobs, succeeded ones left out (they only grow). */
  jobs: JobCount[];
  webhooks: { due: number; pending: number; dead: number };
  /** Events waiting to be forwarded to Lago while a service migrates: 0 until a service forwards. */
  forwarding: number;
}

/**
 * What is waiting and what is stuck, read at once from the database for the status page
 * and the metrics scrape. Two index-only scans: jobs (kind, state, next_run_at) for the
 * states listed, and webhook_deliveries (state, next_run_at).
 */
export async function readBacklogs(options: { db: DbOrTx; now?: Date }): Promise<Backlogs> {
  const now = options.now ?? new Date();
  const [jobs, webhooks] = await Promise.all([
    options.db.$queryRaw<Array<{ kind: JobKind; state: JobState; count: number; due: number }>>`
      SELECT kind::text AS kind, state::text AS state, count(*)::int AS count,
        (count(*) FILTER (WHERE state IN ('pending', 'failed', 'awaiting_invoice') AND next_run_at <= ${now}))::int AS due
      FROM jobs
      WHERE state IN ('pending', 'running', 'awaiting_invoice', 'failed', 'dead')
      GROUP BY kind, state
      ORDER BY kind, state`,
    options.db.$queryRaw<Array<{ due: number; pending: number; dead: number }>>`
      SELECT (count(*) FILTER (WHERE state = 'pending' AND next_run_at <= ${now}))::int AS due,
        (count(*) FILTER (WHERE state = 'pending'))::int AS pending,
        (count(*) FILTER (WHERE state = 'dead'))::int AS dead
      FROM webhook_deliveries
      WHERE state IN ('pending', 'dead')`,
  ]);
  return { jobs, webhooks: webhooks[0] ?? { due: 0, pending: 0, dead: 0 }, forwarding: 0 };
}
