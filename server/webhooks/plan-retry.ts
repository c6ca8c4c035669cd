import { type Backoff, backoffDelayMs, EQUAL_JITTER } from "~/server/lib/backoff";

/**
 * Outbound retry schedule: exponential backoff with jitter inside a retry window, then
 * dead letter. Jitter spreads a receiver's backlog when it comes back instead of
 * hitting it with every delivery at the same instant: 30 s doubling to an hour, equal jitter.
 */
export const WEBHOOK_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 60 * 60_000, jitter: EQUAL_JITTER };

export type RetryPlan = { state: "pending"; nextRunAt: Date } | { state: "dead" };

/**
 * After a failed attempt: try again later, never past `retryUntil` (so the last try
 * happens at the deadline), or dead-letter once the deadline has passed.
 */
export function planRetry(options: { attempts: number; now: Date; retryUntil: Date; random: number }): RetryPlan {
  const { attempts, now, retryUntil, random } = options;
  if (now.getTime() >= retryUntil.getTime()) return { state: "dead" };
  const next = now.getTime() + backoffDelayMs(attempts, WEBHOOK_BACKOFF, random);
  return { state: "pending", nextRunAt: new Date(Math.min(next, retryUntil.getTime())) };
}
