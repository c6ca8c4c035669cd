import { describe, expect, it } from "vitest";
import { type BackoffPolicy, liveAttempts, signInRetryAfterMs } from "./sign-in-backoff";

const policy: BackoffPolicy = { freeAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 3_600_000 };
const last = new Date("2026-12-01T10:00:00Z");
const at = (ms: number) => new Date(last.getTime() + ms);

describe("signInRetryAfterMs", () => {
  it.each([
    [null, 0, 0],
    [0, 0, 0],
    [2, 0, 0], // still within the free attempts
    [3, 0, 1_000], // first throttled attempt: 1 s after the previous one
    [3, 400, 600],
    [3, 1_000, 0],
    [4, 0, 2_000],
    [5, 0, 4_000],
    [8, 0, 32_000],
    [9, 0, 60_000], // capped
    [50, 0, 60_000], // no overflow, still capped
    [50, 59_999, 1],
    [50, 3_600_000, 0], // forgotten after a quiet hour
  ])("%s attempts, %s ms after the last → wait %s ms", (attempts, elapsed, wait) => {
    const count = attempts === null ? null : { attempts, lastAttemptAt: last };
    expect(signInRetryAfterMs(count, at(elapsed), policy)).toBe(wait);
  });
});

describe("liveAttempts", () => {
  it("counts until the quiet spell has passed", () => {
    expect(liveAttempts({ attempts: 7, lastAttemptAt: last }, at(3_599_999), policy)).toBe(7);
    expect(liveAttempts({ attempts: 7, lastAttemptAt: last }, at(3_600_000), policy)).toBe(0);
    expect(liveAttempts(null, last, policy)).toBe(0);
  });
});
