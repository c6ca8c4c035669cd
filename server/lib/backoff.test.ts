import { describe, expect, it } from "vitest";
import { backoffDelayMs, EQUAL_JITTER } from "./backoff";

const schedule = { baseMs: 1_000, maxMs: 8_000, jitter: EQUAL_JITTER };

describe("backoffDelayMs", () => {
  it.each([
    [1, 0, 500],
    [1, 1, 1_000],
    [2, 0.5, 1_500],
    [4, 1, 8_000],
    [5, 1, 8_000],
    [0, 1, 1_000],
  ])("attempt %i, random %f → %i ms", (attempt, random, expected) => {
    expect(backoffDelayMs(attempt, schedule, random)).toBe(expected);
  });

  it("draws from [floor·step, (floor + spread)·step]", () => {
    const plusMinusFifth = { ...schedule, jitter: { floor: 0.8, spread: 0.4 } };
    expect(backoffDelayMs(2, plusMinusFifth, 0)).toBe(1_600);
    expect(backoffDelayMs(2, plusMinusFifth, 1)).toBe(2_400);
  });
});
