import { backoffDelayMs, EQUAL_JITTER } from "~/server/lib/backoff";

/** Backoff policy for Odoo calls: exponential with "equal jitter", Retry-After as a floor. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 3). */
  maxRetries: number;
  /** First backoff step (default 250 ms); doubles each retry. */
  baseDelayMs: number;
  /** Cap of one backoff step (default 8 s). */
  maxDelayMs: number;
  /** A Retry-After beyond this is not waited for: the error is thrown (default 60 s). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/** Delay before retry number `retry` (1-based), or null to give up; a server's Retry-After is honoured as a minimum. */
export function retryDelayMs(retry: number, policy: RetryPolicy, retryAfterMs: number | undefined, random: () => number): number | null {
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) return null;
  const jittered = backoffDelayMs(retry, { baseMs: policy.baseDelayMs, maxMs: policy.maxDelayMs, jitter: EQUAL_JITTER }, random());
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
