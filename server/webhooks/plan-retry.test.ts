import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, planRetry, retryDelayMs } from "./plan-retry";

const MIN = 60_000;

describe("retryDelayMs", () => {
  it.each([
    [1, 0, 15_000],
    [1, 1, 30_000],
    [2, 0, 30_000],
    [2, 1, 60_000],
    [3, 0.5, 90_000],
    [7, 1, 32 * MIN],
    [8, 1, 60 * MIN],
    [9, 1, 60 * MIN],
    [50, 0, 30 * MIN],
    [0, 1, 30_000],
  ])("attempt %i, random %f → %i ms", (attempts, random, expected) => {
    expect(retryDelayMs(attempts, random)).toBe(expected);
  });

  it("never shrinks as attempts grow (at equal jitter)", () => {
    let previous = 0;
    for (let n = 1; n < 40; n++) {
      const delay = retryDelayMs(n, 0.3);
      expect(delay).toBeGreaterThanOrEqual(previous);
      previous = delay;
    }
  });

  it("honours a custom policy", () => {
    expect(retryDelayMs(3, 1, { baseDelayMs: 1_000, maxDelayMs: 3_000 })).toBe(3_000);
  });
});

describe("planRetry", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  const at = (ms: number) => new Date(now.getTime() + ms);

  it("schedules the next try with backoff", () => {
    expect(planRetry({ attempts: 1, now, retryUntil: at(24 * 60 * MIN), random: 1 })).toEqual({ state: "pending", nextRunAt: at(30_000) });
  });

  it("clamps the last try to the deadline", () => {
    expect(planRetry({ attempts: 9, now, retryUntil: at(10 * MIN), random: 1 })).toEqual({ state: "pending", nextRunAt: at(10 * MIN) });
  });

  it.each([0, -1])("dead once the deadline is reached (%i ms left)", (left) => {
    expect(planRetry({ attempts: 3, now, retryUntil: at(left), random: 0.5 })).toEqual({ state: "dead" });
  });

  it("a receiver down for a whole 24 h window gets ~30 tries, then the delivery dies", () => {
    const retryUntil = at(24 * 60 * MIN);
    let clock = now;
    let attempts = 0;
    for (;;) {
      attempts++;
      const plan = planRetry({ attempts, now: clock, retryUntil, random: 0.5 });
      if (plan.state === "dead") break;
      expect(plan.nextRunAt.getTime()).toBeGreaterThan(clock.getTime());
      clock = plan.nextRunAt;
    }
    expect(clock).toEqual(retryUntil);
    expect(attempts).toBeGreaterThan(20);
    expect(attempts).toBeLessThan(40);
    expect(DEFAULT_RETRY_POLICY.maxDelayMs).toBe(60 * MIN);
  });
});
