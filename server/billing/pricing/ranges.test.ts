import { describe, expect, it } from "vitest";
import { ExactDecimal } from "./exact-decimal";
import { type RangeBounds, rangeFloor, rangeReaches, rangesAreContiguous } from "./ranges";

const bounds = (...pairs: [number, number | null][]): RangeBounds[] =>
  pairs.map(([from_value, to_value]) => ({ from_value, to_value }));

describe("rangesAreContiguous", () => {
  it.each([
    { name: "one open range", ranges: bounds([0, null]), valid: true },
    { name: "adjacent", ranges: bounds([0, 10], [10, 20], [20, null]), valid: true },
    { name: "standard", ranges: bounds([0, 10], [11, 20], [21, null]), valid: true },
    { name: "standard two-unit ranges", ranges: bounds([0, 1], [2, 3], [4, null]), valid: true },
    { name: "empty", ranges: bounds(), valid: false },
    { name: "adjacent then standard", ranges: bounds([0, 10], [10, 20], [21, null]), valid: false },
    { name: "standard then adjacent", ranges: bounds([0, 10], [11, 20], [20, null]), valid: false },
    { name: "a step of two", ranges: bounds([0, 10], [12, null]), valid: false },
    { name: "an overlap", ranges: bounds([0, 10], [9, null]), valid: false },
    { name: "a first range from 1", ranges: bounds([1, 10], [11, null]), valid: false },
    { name: "a one-unit standard range", ranges: bounds([0, 10], [11, 11], [12, null]), valid: false },
    { name: "a closed last range", ranges: bounds([0, 10], [11, 20]), valid: false },
    { name: "an open range before the last", ranges: bounds([0, null], [1, null]), valid: false },
  ])("$name: $valid", ({ ranges, valid }) => {
    expect(rangesAreContiguous(ranges)).toBe(valid);
  });
});

describe("rangeFloor", () => {
  it.each([
    { ranges: bounds([0, 10], [10, 20], [20, null]), floors: ["0", "10", "20"] },
    { ranges: bounds([0, 10], [11, 20], [21, null]), floors: ["0", "10", "20"] },
  ])("is the previous to_value in either form: $floors", ({ ranges, floors }) => {
    expect(ranges.map((_, index) => rangeFloor(ranges, index).toFixed())).toEqual(floors);
  });
});

describe("rangeReaches", () => {
  it.each([
    { to: 10, units: "0", reaches: true },
    { to: 10, units: "10", reaches: true },
    { to: 10, units: "10.5", reaches: false },
    { to: 10, units: "11", reaches: false },
    { to: null, units: "1000000", reaches: true },
  ])("[0,$to] with $units units: $reaches", ({ to, units, reaches }) => {
    expect(rangeReaches({ from_value: 0, to_value: to }, new ExactDecimal(units))).toBe(reaches);
  });
});
