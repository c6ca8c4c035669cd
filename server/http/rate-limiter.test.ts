import { describe, expect, it } from "vitest";
import { createRateLimiter, rateLimitHeaders } from "./rate-limiter";

function limiterAt(start: number, limit = 3, windowSeconds = 60) {
  let time = start;
  const limiter = createRateLimiter({ limit, windowSeconds, now: () => time });
  return { limiter, setTime: (value: number) => (time = value) };
}

describe("createRateLimiter", () => {
  it("allows `limit` requests per window, then refuses until the window ends", () => {
    const { limiter } = limiterAt(120_000);
    const decisions = [1, 2, 3, 4, 5].map(() => limiter.take("svc"));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    expect(decisions.every((d) => d.limit === 3)).toBe(true);
  });

  it.each([
    { at: 120_000, resetSeconds: 60 },
    { at: 120_001, resetSeconds: 60 },
    { at: 150_000, resetSeconds: 30 },
    { at: 179_001, resetSeconds: 1 },
    { at: 179_999, resetSeconds: 1 },
  ])("reports whole seconds to the aligned window end ($at ms → $resetSeconds s)", ({ at, resetSeconds }) => {
    expect(limiterAt(at).limiter.take("svc").resetSeconds).toBe(resetSeconds);
  });

  it("starts a fresh count when the window rolls over", () => {
    const { limiter, setTime } = limiterAt(0, 1, 2);
    expect(limiter.take("svc").allowed).toBe(true);
    setTime(1_999);
    expect(limiter.take("svc").allowed).toBe(false);
    setTime(2_000);
    expect(limiter.take("svc")).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 2 });
  });

  it("counts each key on its own", () => {
    const { limiter } = limiterAt(0, 1);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("b").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
  });
});

describe("rateLimitHeaders", () => {
  it.each([
    { allowed: true, expected: { "x-ratelimit-limit": "10", "x-ratelimit-remaining": "4", "x-ratelimit-reset": "7" } },
    { allowed: false, expected: { "x-ratelimit-limit": "10", "x-ratelimit-remaining": "4", "x-ratelimit-reset": "7", "retry-after": "7" } },
  ])("renders Lago's headers (allowed: $allowed)", ({ allowed, expected }) => {
    expect(rateLimitHeaders({ allowed, limit: 10, remaining: 4, resetSeconds: 7 })).toEqual(expected);
  });
});
