import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "~/server/lib/backoff";
import { JobState } from "~/generated/prisma/enums";
import { isRetryableJob, JOB_BACKOFF } from "./job-policy";

describe("JOB_BACKOFF: 30 s doubling to 6 h, ±20 % jitter", () => {
  it.each([
    [1, 0.5, 30_000],
    [2, 0.5, 60_000],
    [4, 0, 192_000],
    [4, 1, 288_000],
    [50, 0.5, 6 * 3_600_000],
  ])("attempt %i, random %f → %i ms", (attempts, random, expected) => {
    expect(backoffDelayMs(attempts, JOB_BACKOFF, random)).toBe(expected);
  });
});

describe("isRetryableJob", () => {
  it.each(Object.values(JobState).map((state) => [state, state === "failed" || state === "dead"] as const))("%s → %s", (state, retryable) => {
    expect(isRetryableJob(state)).toBe(retryable);
  });
});
