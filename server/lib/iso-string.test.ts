import { describe, expect, it } from "vitest";
import { isoString } from "./iso-string";

describe("isoString", () => {
  it("renders each instant as toISOString does, repeated or alternating", () => {
    const a = new Date("2026-12-06T21:45:38.123Z");
    const b = new Date("2027-01-01T00:00:00.000Z");
    for (const date of [a, a, b, a, new Date(a.getTime()), b, b]) expect(isoString(date)).toBe(date.toISOString());
  });

  it("throws for an invalid date, every time, and renders the next valid one", () => {
    expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError);
    expect(isoString(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
  });
});
