/**
 * Fixed-window request counter per key (the authenticated service id), in memory.
 *
 * Windows are aligned on multiples of the window length, so every key's window ends at
 * the same instant: when a new window starts, every stored count is stale and the whole
 * map is dropped. Memory stays bounded by the number of keys seen in one window, with no
 * sweeper timer. The price of a fixed window is a possible burst of 2 × limit across a
 * window boundary, acceptable for a limit meant to stop runaway clients, not to meter.
 *
 * The state lives in one process: the limiter of the embedded database (one process by
 * construction). Several processes share theirs through createSharedRateLimiter.
 */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in this window after this one (0 once refused). */
  remaining: number;
  /** Whole seconds until the window resets (Lago's `x-ratelimit-reset`), at least 1. */
  resetSeconds: number;
}

export interface RateLimiter {
  take: (key: string) => RateLimitDecision;
}

export function createRateLimiter(options: { limit: number; windowSeconds: number; now?: () => number }): RateLimiter {
  const { limit } = options;
  const windowMs = options.windowSeconds * 1000;
  const now = options.now ?? Date.now;
  let windowStart = Number.NEGATIVE_INFINITY;
  let counts = new Map<string, number>();

  return {
    take(key) {
      const time = now();
      const currentStart = Math.floor(time / windowMs) * windowMs;
      if (currentStart !== windowStart) {
        windowStart = currentStart;
        counts = new Map();
      }
      const used = (counts.get(key) ?? 0) + 1;
      // Refusals are not stored: the count never exceeds the limit, remaining never goes negative.
      const allowed = used <= limit;
      if (allowed) counts.set(key, used);
      return {
        allowed,
        limit,
        remaining: allowed ? limit - used : 0,
        resetSeconds: Math.max(1, Math.ceil((windowStart + windowMs - time) / 1000)),
      };
    },
  };
}

/** Lago's rate limit headers, read by lago-javascript-client's `rateLimitRetry`. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    "x-ratelimit-limit": String(decision.limit),
    "x-ratelimit-remaining": String(decision.remaining),
    "x-ratelimit-reset": String(decision.resetSeconds),
    ...(decision.allowed ? {} : { "retry-after": String(decision.resetSeconds) }),
  };
}
