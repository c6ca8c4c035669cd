import { describe, expect, it } from "vitest";
import { backfillFrom } from "./backfill-from";

describe("backfillFrom", () => {
  it.each([
    ["mid-month", "2026-12-02T11:00:00Z", "2026-11-01T00:00:00.000Z"],
    ["across a year", "2026-01-15T00:00:00Z", "2025-12-01T00:00:00.000Z"],
    ["the first instant of a month", "2026-03-01T00:00:00Z", "2026-02-01T00:00:00.000Z"],
    ["the last instant of a month", "2026-03-31T23:59:59.999Z", "2026-02-01T00:00:00.000Z"],
  ])("%s", (_name, now, from) => {
    expect(backfillFrom(new Date(now)).toISOString()).toBe(from);
  });
});
