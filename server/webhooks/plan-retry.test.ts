import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "~/server/lib/backoff";
import { planRetry, WEBHOOK_BACKOFF } from "./plan-retry";

const MIN = 60_000;

describe("WEBHOOK_BACKOFF: 30 s doubling to an hour, equal jitter", () => {
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
    expect(backoffDelayMs(attempts, WEBHOOK_BACKOFF, random)).toBe(expected);
  });

  it("never shrinks as attempts grow (at equal jitter)", () => {
    let previous = 0;
    for (let n = 1; n < 40; n++) {
      const delay = backoffDelayMs(n, WEBHOOK_BACKOFF, 0.3);
      expect(delay).toBeGreaterThanOrEqual(previous);
      previous = delay;
    }
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
    expect(WEBHOOK_BACKOFF.maxMs).toBe(60 * MIN);
  });
});
