import { describe, expect, it } from "vitest";
import type { ChargeRange } from "./charge-properties";
import { range } from "./charge-range.fixture";
import { ExactDecimal } from "./exact-decimal";
import { priceVolume } from "./volume";

const price = (units: string, ranges: ChargeRange[]) =>
  priceVolume(new ExactDecimal(units), { volume_ranges: ranges, free_units: "0" });

// Lago's VolumeService spec ranges, in the adjacent convention.
const threeRanges = [range(0, 100, "2", "10"), range(100, 200, "1", "0"), range(200, null, "0.5", "50")];

describe("priceVolume", () => {
  it.each([
    { units: "0", expected: "0", from: 0 },
    { units: "0.5", expected: "11", from: 0 },
    { units: "1", expected: "12", from: 0 },
    { units: "99.99", expected: "209.98", from: 0 },
    { units: "100", expected: "210", from: 0 },
    { units: "100.5", expected: "100.5", from: 100 },
    { units: "101", expected: "101", from: 100 },
    { units: "200", expected: "200", from: 100 },
    { units: "200.5", expected: "150.25", from: 200 },
    { units: "300", expected: "200", from: 200 },
    { units: "1000000000000", expected: "500000000050", from: 200 },
  ])("$units units = $expected, priced by the range from $from", ({ units, expected, from }) => {
    const priced = price(units, threeRanges);
    expect(priced.amount.toFixed()).toBe(expected);
    expect(priced.details.fromValue).toBe(from);
  });

  it.each([
    { units: "0", expected: "0" },
    { units: "3", expected: "7.5" },
    { units: "0.1", expected: "3.15" },
  ])("one open range: $units units = $expected", ({ units, expected }) => {
    expect(price(units, [range(0, null, "1.5", "3")]).amount.toFixed()).toBe(expected);
  });

  it("details the range that priced the total", () => {
    expect(price("300", threeRanges).details).toEqual({
      fromValue: 200,
      toValue: null,
      perUnitAmount: "0.5",
      perUnitTotalAmount: "150",
      flatUnitAmount: "50",
    });
  });

  it("charges no flat fee without usage", () => {
    expect(price("0", threeRanges).details).toEqual({
      fromValue: 0,
      toValue: 100,
      perUnitAmount: "2",
      perUnitTotalAmount: "0",
      flatUnitAmount: "0",
    });
  });

  it("refuses ranges that skipped validation and end closed", () => {
    expect(() => price("11", [range(0, 10, "1", "0")])).toThrow(RangeError);
  });
});

// Lago's VolumeService spec ranges as Lago writes them, in the standard (+1) form.
const threeStandardRanges = [range(0, 100, "2", "10"), range(101, 200, "1", "0"), range(201, null, "0.5", "50")];
const twoStandardRanges = [range(0, 10, "2", "1"), range(11, null, "1", "3")];

describe("priceVolume, standard (+1) ranges", () => {
  it.each([
    { ranges: twoStandardRanges, units: "0", expected: "0", from: 0 },
    { ranges: twoStandardRanges, units: "10", expected: "21", from: 0 },
    { ranges: twoStandardRanges, units: "10.5", expected: "13.5", from: 11 },
    { ranges: twoStandardRanges, units: "11", expected: "14", from: 11 },
    { ranges: threeStandardRanges, units: "0.5", expected: "11", from: 0 },
    { ranges: threeStandardRanges, units: "100", expected: "210", from: 0 },
    { ranges: threeStandardRanges, units: "100.5", expected: "100.5", from: 101 },
    { ranges: threeStandardRanges, units: "101", expected: "101", from: 101 },
    { ranges: threeStandardRanges, units: "200", expected: "200", from: 101 },
    { ranges: threeStandardRanges, units: "200.5", expected: "150.25", from: 201 },
    { ranges: threeStandardRanges, units: "201", expected: "150.5", from: 201 },
    { ranges: threeStandardRanges, units: "300", expected: "200", from: 201 },
  ])("$units units = $expected, priced by the range from $from", ({ ranges, units, expected, from }) => {
    const priced = price(units, ranges);
    expect(priced.amount.toFixed()).toBe(expected);
    expect(priced.details.fromValue).toBe(from);
  });

  it("charges no flat fee without usage", () => {
    expect(price("0", twoStandardRanges).details).toEqual({
      fromValue: 0,
      toValue: 10,
      perUnitAmount: "2",
      perUnitTotalAmount: "0",
      flatUnitAmount: "0",
    });
  });
});
