import { backoffDelayMs, NO_JITTER } from "~/server/lib/backoff";

/*
 * The sign-in throttle's rule, pure. Every attempt is counted (before the password is
 * checked); the first `freeAttempts` within a quiet spell go through at once, each one after
 * that must wait twice as long since the previous attempt, up to `maxDelayMs`. After
 * `forgetAfterMs` without attempts the count starts again.
 */
export interface BackoffPolicy {
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

const MINUTE = 60_000;

/** Per account: a person mistyping a few times is never slowed, a guesser gets ~4 tries an hour. */
export const ACCOUNT_BACKOFF: BackoffPolicy = { freeAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE };

/** Per client address: more room (an office behind one NAT), same curve. */
export const ADDRESS_BACKOFF: BackoffPolicy = { freeAttempts: 20, baseDelayMs: 1_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE };

export interface AttemptCount {
  attempts: number;
  lastAttemptAt: Date;
}

/** Attempts that still count at `now` (0 once the quiet spell has passed). */
export function liveAttempts(count: AttemptCount | null, now: Date, policy: BackoffPolicy): number {
  if (!count || now.getTime() - count.lastAttemptAt.getTime() >= policy.forgetAfterMs) return 0;
  return count.attempts;
}

/** Milliseconds to wait before another attempt is allowed (0 = now). */
export function signInRetryAfterMs(count: AttemptCount | null, now: Date, policy: BackoffPolicy): number {
  const attempts = liveAttempts(count, now, policy);
  if (attempts < policy.freeAttempts) return 0;
  const delay = backoffDelayMs(attempts - policy.freeAttempts + 1, { baseMs: policy.baseDelayMs, maxMs: policy.maxDelayMs, jitter: NO_JITTER }, 0);
  return Math.max(0, count!.lastAttemptAt.getTime() + delay - now.getTime());
}
