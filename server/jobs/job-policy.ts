import { type JobKind, JobState } from "~/generated/prisma/enums";
import type { Backoff } from "~/server/lib/backoff";

/** A failed job is retried after 30 s, doubling to 6 hours, ±20 % jitter. */
export const JOB_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 6 * 3_600_000, jitter: { floor: 0.8, spread: 0.4 } };

/**
 * How long a claim holds a job before another worker may take it back (its worker
 * crashed). A push is one Odoo write; a run reads whole periods from Lago and Odoo.
 */
export const JOB_LEASE_MS: Readonly<Record<JobKind, number>> = {
  usage_push: 5 * 60_000,
  reconciliation: 30 * 60_000,
  lago_import: 30 * 60_000,
};

/** Attempts before a run's job is dead (a run records its own failures; this counts crashes and outages). */
export const RUN_MAX_ATTEMPTS = 5;

/** The states a job may be retried from (console and bulk retry alike): a pending or running one may be held under a worker's lease. */
export const RETRYABLE_JOB_STATES = [JobState.failed, JobState.dead] as const satisfies readonly JobState[];

export const isRetryableJob = (state: JobState): boolean => (RETRYABLE_JOB_STATES as readonly JobState[]).includes(state);
