/**
 * Outbound retry schedule: exponential backoff with jitter inside a retry window, then
 * dead letter. Jitter spreads a receiver's backlog when it comes back instead of
 * hitting it with every delivery at the same instant.
 */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 };

/** Delay after the `attempts`-th failure (1-based): half of base·2^(n-1) (capped), plus up to that much again at random. */
export function retryDelayMs(attempts: number, random: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

export type RetryPlan = { state: "pending"; nextRunAt: Date } | { state: "dead" };

/**
 * After a failed attempt: try again later, never past `retryUntil` (so the last try
 * happens at the deadline), or dead-letter once the deadline has passed.
 */
export function planRetry(options: { attempts: number; now: Date; retryUntil: Date; random: number; policy?: RetryPolicy }): RetryPlan {
  const { attempts, now, retryUntil, random } = options;
  if (now.getTime() >= retryUntil.getTime()) return { state: "dead" };
  const next = now.getTime() + retryDelayMs(attempts, random, options.policy);
  return { state: "pending", nextRunAt: new Date(Math.min(next, retryUntil.getTime())) };
}
