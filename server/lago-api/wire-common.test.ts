import { describe, expect, it } from "vitest";
import { isoDay, isoMillis, isoSeconds, lagoPeriod } from "./wire-common";

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

describe("Lago's timestamps", () => {
  it.each([
    [new Date("2026-12-06T21:45:38.123Z"), "2026-12-06T21:45:38Z"],
    [new Date("2026-01-01T00:00:00.000Z"), "2026-01-01T00:00:00Z"],
    [new Date("0001-02-03T04:05:06.789Z"), "0001-02-03T04:05:06Z"],
    [new Date(Date.UTC(10000, 0, 1, 0, 0, 0, 500)), "+010000-01-01T00:00:00Z"],
    [new Date(Date.UTC(-1, 5, 1, 12)), "-000001-06-01T12:00:00Z"],
    [null, null],
    [undefined, null],
  ])("isoSeconds(%s) is %s", (date, text) => {
    expect(isoSeconds(date)).toBe(text);
  });

  it("keeps the milliseconds of an event's timestamp", () => {
    expect(isoMillis(new Date("2026-12-06T21:45:38.120Z"))).toBe("2026-12-06T21:45:38.120Z");
    expect(isoMillis(null)).toBeNull();
  });
});
