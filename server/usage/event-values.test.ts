import { describe, expect, it } from "vitest";
import { isValidProperties, numericPropertyValue, parseEventTimestamp } from "./event-values";

describe("parseEventTimestamp", () => {
  it.each([
    [1_700_000_000, "2023-11-14T22:13:20.000Z"],
    [1_700_000_000.123, "2023-11-14T22:13:20.123Z"],
    ["1700000000", "2023-11-14T22:13:20.000Z"],
    [" 1700000000.5 ", "2023-11-14T22:13:20.500Z"],
    [0, "1970-01-01T00:00:00.000Z"],
  ])("%j → %s", (raw, iso) => {
    expect(parseEventTimestamp(raw)?.toISOString()).toBe(iso);
  });

  it.each([["abc"], ["2026-01-01"], [-1], [1e20], [Number.NaN], [Infinity], [null], [true], [{}], [[1]], ["1e9"], [""]])("rejects %j", (raw) => {
    expect(parseEventTimestamp(raw)).toBeNull();
  });
});

describe("numericPropertyValue", () => {
  it.each([
    [12, "12"],
    [12.5, "12.5"],
    [-3, "-3"],
    ["0.000001", "0.000001"],
    [" 42 ", "42"],
  ])("%j → %s", (raw, value) => expect(numericPropertyValue(raw)).toBe(value));

  it.each([["12abc"], ["1e3"], [Infinity], [1e300], [null], [true], [{}], ["" ]])("rejects %j", (raw) => {
    expect(numericPropertyValue(raw)).toBeNull();
  });
});

describe("isValidProperties", () => {
  it("accepts flat and shallowly nested scalars", () => {
    expect(isValidProperties({})).toBe(true);
    expect(isValidProperties({ gb: 1.5, region: "ca-east", ok: true, note: null, tags: ["a", "b"], meta: { a: { b: 1 } } })).toBe(true);
  });
  it("rejects non-objects, deep nesting and oversized strings", () => {
    expect(isValidProperties([])).toBe(false);
    expect(isValidProperties("x")).toBe(false);
    expect(isValidProperties(null)).toBe(false);
    expect(isValidProperties({ a: { b: { c: { d: { e: 1 } } } } })).toBe(false);
    expect(isValidProperties({ s: "x".repeat(5000) })).toBe(false);
  });
});
