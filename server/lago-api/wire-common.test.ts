import { describe, expect, it } from "vitest";
import { isoDay, lagoPeriod } from "./wire-common";

describe("lagoPeriod", () => {
  it.each([
    ["a calendar month", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-12-31T23:59:59Z"],
    ["a first period starting mid-day", "2026-12-15T10:30:00Z", "2027-01-01T00:00:00Z", "2026-12-15T10:30:00Z", "2026-12-31T23:59:59Z"],
    ["a leap February", "2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z", "2028-02-01T00:00:00Z", "2028-02-29T23:59:59Z"],
    ["a week", "2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z", "2026-11-30T00:00:00Z", "2026-12-06T23:59:59Z"],
  ])("writes %s from its first to its last second", (_name, start, end, from, to) => {
    expect(lagoPeriod({ start: new Date(start), end: new Date(end) })).toEqual({ from, to });
  });

  it("writes no period as nulls", () => {
    expect(lagoPeriod(null)).toEqual({ from: null, to: null });
    expect(isoDay(null)).toBeNull();
    expect(isoDay(new Date("2027-01-01T00:00:00Z"))).toBe("2027-01-01");
  });
});
