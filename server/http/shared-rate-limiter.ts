import type { RateLimitDecision } from "./rate-limiter";

/**
 * Where the instances of the hub reserve quota: the window's running total of reserved
 * requests per key, shared by every process (Redis or PostgreSQL).
 */
export interface RateLimitStore {
  /** Adds `amount` to the key's reservations in the window and answers the new total. */
  reserve: (options: { key: string; windowStart: number; windowMs: number; amount: number }) => Promise<number>;
}

export interface SharedRateLimiter {
  /** Synchronous while this process holds quota; a promise when it must reserve more first. */
  take: (key: string) => RateLimitDecision | Promise<RateLimitDecision>;
}

interface KeyWindow {
  /** Requests this process may admit in the window: the quota it reserved. */
  granted: number;
  used: number;
  /** The store's total after this process's last reservation (every process's reservations). */
  reservedEverywhere: number;
  /** The store has no quota left for the window. */
  exhausted: boolean;
  reserving: Promise<void> | null;
}

/** Quota reserved per round trip: ⌈limit / 200⌉, at most 50 (6000 a minute → 30). */
export const reservationChunk = (limit: number): number => Math.min(50, Math.max(1, Math.ceil(limit / 200)));

/**
 * The fixed-window limit of createRateLimiter, shared by every app process without a
 * round trip per request: each process reserves quota from the store in chunks and
 * admits requests locally while its reservation lasts, reserving the next chunk in the
 * background when half of the current one is used (limits of 200 or less reserve one
 * request at a time, when it comes). The store never hands out more than
 * `limit` per window, so N processes together admit at most `limit`; the slack is the
 * other way round: quota a process reserved and did not use by the end of the window
 * (at most 1.5 chunks per process) is refused to others.
 *
 * When the store fails (Redis or PostgreSQL unreachable) the process admits requests
 * from its own count up to `limit`, as an unshared limiter would, and reports it through
 * `onStoreError`: an outage of the limiter's store must not stop ingestion.
 */
export function createSharedRateLimiter(options: {
  limit: number;
  windowSeconds: number;
  store: RateLimitStore;
  now?: () => number;
  onStoreError?: (error: unknown) => void;
}): SharedRateLimiter {
  const { limit, store } = options;
  const windowMs = options.windowSeconds * 1000;
  const now = options.now ?? Date.now;
  const chunk = reservationChunk(limit);
  let windowStart = Number.NEGATIVE_INFINITY;
  let windows = new Map<string, KeyWindow>();

  const currentWindow = (time: number): Map<string, KeyWindow> => {
    const start = Math.floor(time / windowMs) * windowMs;
    if (start !== windowStart) {
      windowStart = start;
      windows = new Map();
    }
    return windows;
  };

  const decision = (state: KeyWindow, allowed: boolean, time: number): RateLimitDecision => ({
    allowed,
    limit,
    remaining: allowed ? Math.max(0, limit - state.reservedEverywhere) + (state.granted - state.used) : 0,
    resetSeconds: Math.max(1, Math.ceil((windowStart + windowMs - time) / 1000)),
  });

  const reserve = (key: string, state: KeyWindow, start: number): Promise<void> => {
    state.reserving ??= store
      .reserve({ key, windowStart: start, windowMs, amount: chunk })
      .then((total) => {
        const grant = Math.max(0, Math.min(chunk, limit - (total - chunk)));
        state.granted += grant;
        state.reservedEverywhere = Math.max(state.reservedEverywhere, Math.min(total, limit));
        if (total >= limit) state.exhausted = true;
      })
      .catch((error: unknown) => {
        options.onStoreError?.(error);
        // Alone: admit up to the limit from this process's own count.
        const grant = Math.max(0, Math.min(chunk, limit - state.granted));
        state.granted += grant;
        state.reservedEverywhere = Math.max(state.reservedEverywhere, state.granted);
        if (state.granted >= limit) state.exhausted = true;
      })
      .finally(() => {
        state.reserving = null;
      });
    return state.reserving;
  };

  const take = (key: string): RateLimitDecision | Promise<RateLimitDecision> => {
    const time = now();
    const map = currentWindow(time);
    const start = windowStart;
    let state = map.get(key);
    if (!state) {
      state = { granted: 0, used: 0, reservedEverywhere: 0, exhausted: false, reserving: null };
      map.set(key, state);
    }
    if (state.used < state.granted) {
      state.used++;
      // Small limits (chunks of 1) reserve each request: a prefetched unit would starve the other processes.
      if (chunk > 1 && !state.exhausted && !state.reserving && state.granted - state.used <= chunk / 2) void reserve(key, state, start);
      return decision(state, true, time);
    }
    if (state.exhausted) return decision(state, false, time);
    const waiting = state;
    // Waiters re-check after the reservation: one that finds the new quota taken reserves again.
    return reserve(key, waiting, start).then(() => take(key));
  };

  return { take };
}
