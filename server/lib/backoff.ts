/**
 * Exponential backoff with jitter, the one schedule every retry in the hub uses (Odoo
 * calls, outbound webhooks, queued jobs, the sign-in throttle), each with its own
 * parameters: the step doubles from `baseMs` after every failure up to `maxMs`, and the
 * delay is drawn from [floor·step, (floor + spread)·step] so that clients that failed
 * together do not all come back at the same instant.
 */
export interface Backoff {
  baseMs: number;
  maxMs: number;
  jitter: { floor: number; spread: number };
}

/** The step itself, for a schedule that must be predictable (a sign-in throttle tells the wait). */
export const NO_JITTER = { floor: 1, spread: 0 } as const;

/** "Equal jitter": half the step, plus up to as much again at random. */
export const EQUAL_JITTER = { floor: 0.5, spread: 0.5 } as const;

/** The delay after the `attempt`-th failure (1-based), for a `random` draw in [0, 1]. */
export function backoffDelayMs(attempt: number, backoff: Backoff, random: number): number {
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step * (backoff.jitter.floor + backoff.jitter.spread * random));
}
