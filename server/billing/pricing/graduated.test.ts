import { describe, expect, it } from "vitest";
import type { ChargeRange } from "./charge-properties";
import { range } from "./charge-range.fixture";
import { ExactDecimal } from "./exact-decimal";
import { priceGraduated } from "./graduated";

const price = (units: string, ranges: ChargeRange[]) =>
  priceGraduated(new ExactDecimal(units), { graduated_ranges: ranges, free_units: "0" });

// 1/unit +5 up to 10, 0.5/unit +2 up to 20, 0.1/unit +1 beyond.
const threeTiers = [range(0, 10, "1", "5"), range(10, 20, "0.5", "2"), range(20, null, "0.1", "1")];

describe("priceGraduated", () => {
  it.each([
    { units: "0", expected: "0", tiers: 1 },
    { units: "0.5", expected: "5.5", tiers: 1 },
    { units: "1", expected: "6", tiers: 1 },
    { units: "9.5", expected: "14.5", tiers: 1 },
    { units: "10", expected: "15", tiers: 1 },
    { units: "10.5", expected: "17.25", tiers: 2 },
    { units: "11", expected: "17.5", tiers: 2 },
    { units: "19.99", expected: "21.995", tiers: 2 },
    { units: "20", expected: "22", tiers: 2 },
    { units: "20.001", expected: "23.0001", tiers: 3 },
    { units: "25", expected: "23.5", tiers: 3 },
    { units: "1000000000000", expected: "100000000021", tiers: 3 },
  ])("three tiers, $units units = $expected over $tiers tier(s)", ({ units, expected, tiers }) => {
    const priced = price(units, threeTiers);
    expect(priced.amount.toFixed()).toBe(expected);
    expect(priced.details.ranges).toHaveLength(tiers);
  });

  it.each([
    { name: "one open tier, no usage", ranges: [range(0, null, "2", "3")], units: "0", expected: "0" },
    { name: "one open tier", ranges: [range(0, null, "2", "3")], units: "4", expected: "11" },
    { name: "one open tier, fractional", ranges: [range(0, null, "2", "3")], units: "0.25", expected: "3.5" },
    { name: "flat-only first tier, first unit", ranges: [range(0, 100, "0", "50"), range(100, null, "1", "0")], units: "1", expected: "50" },
    { name: "flat-only first tier, at its edge", ranges: [range(0, 100, "0", "50"), range(100, null, "1", "0")], units: "100", expected: "50" },
    { name: "flat-only first tier, past it", ranges: [range(0, 100, "0", "50"), range(100, null, "1", "0")], units: "150", expected: "100" },
    {
      name: "flat fees only, first tier",
      ranges: [range(0, 1, "0", "10"), range(1, 5, "0", "20"), range(5, null, "0", "30")],
      units: "1",
      expected: "10",
    },
    {
      name: "flat fees only, into the second tier",
      ranges: [range(0, 1, "0", "10"), range(1, 5, "0", "20"), range(5, null, "0", "30")],
      units: "1.5",
      expected: "30",
    },
    {
      name: "flat fees only, at the second tier's edge",
      ranges: [range(0, 1, "0", "10"), range(1, 5, "0", "20"), range(5, null, "0", "30")],
      units: "5",
      expected: "30",
    },
    {
      name: "flat fees only, just into the last tier",
      ranges: [range(0, 1, "0", "10"), range(1, 5, "0", "20"), range(5, null, "0", "30")],
      units: "5.0001",
      expected: "60",
    },
  ])("$name: $units units = $expected", ({ ranges, units, expected }) => {
    expect(price(units, ranges).amount.toFixed()).toBe(expected);
  });

  it("details each tier's share", () => {
    expect(price("25", threeTiers).details.ranges).toEqual([
      { fromValue: 0, toValue: 10, units: "10", perUnitAmount: "1", perUnitTotalAmount: "10", flatUnitAmount: "5", totalWithFlatAmount: "15" },
      { fromValue: 10, toValue: 20, units: "10", perUnitAmount: "0.5", perUnitTotalAmount: "5", flatUnitAmount: "2", totalWithFlatAmount: "7" },
      { fromValue: 20, toValue: null, units: "5", perUnitAmount: "0.1", perUnitTotalAmount: "0.5", flatUnitAmount: "1", totalWithFlatAmount: "1.5" },
    ]);
  });

  it("spills a fraction past a boundary into the next tier", () => {
    expect(price("10.5", threeTiers).details.ranges[1]).toEqual({
      fromValue: 10,
      toValue: 20,
      units: "0.5",
      perUnitAmount: "0.5",
      perUnitTotalAmount: "0.25",
      flatUnitAmount: "2",
      totalWithFlatAmount: "2.25",
    });
  });

  it("charges no flat fee without usage", () => {
    expect(price("0", threeTiers).details.ranges).toEqual([
      { fromValue: 0, toValue: 10, units: "0", perUnitAmount: "1", perUnitTotalAmount: "0", flatUnitAmount: "0", totalWithFlatAmount: "0" },
    ]);
  });
});

// The same tiers in Lago's standard form, each starting one unit after the previous end:
// a tier [from,to] with from > 0 holds (from - 1, to], so every price matches threeTiers.
const threeStandardTiers = [range(0, 10, "1", "5"), range(11, 20, "0.5", "2"), range(21, null, "0.1", "1")];
const flatOnlyStandardTiers = [range(0, 1, "0", "10"), range(2, 5, "0", "20"), range(6, null, "0", "30")];

describe("priceGraduated, standard (+1) ranges", () => {
  it.each([
    { units: "0", expected: "0", tierUnits: ["0"] },
    { units: "0.5", expected: "5.5", tierUnits: ["0.5"] },
    { units: "10", expected: "15", tierUnits: ["10"] },
    { units: "10.5", expected: "17.25", tierUnits: ["10", "0.5"] },
    { units: "11", expected: "17.5", tierUnits: ["10", "1"] },
    { units: "19.99", expected: "21.995", tierUnits: ["10", "9.99"] },
    { units: "20", expected: "22", tierUnits: ["10", "10"] },
    { units: "20.5", expected: "23.05", tierUnits: ["10", "10", "0.5"] },
    { units: "21", expected: "23.1", tierUnits: ["10", "10", "1"] },
    { units: "25", expected: "23.5", tierUnits: ["10", "10", "5"] },
    { units: "1000000000000", expected: "100000000021", tierUnits: ["10", "10", "999999999980"] },
  ])("three tiers, $units units = $expected ($tierUnits)", ({ units, expected, tierUnits }) => {
    const priced = price(units, threeStandardTiers);
    expect(priced.amount.toFixed()).toBe(expected);
    expect(priced.details.ranges.map((tier) => tier.units)).toEqual(tierUnits);
  });

  it.each([
    { units: "1", expected: "10" },
    { units: "1.5", expected: "30" },
    { units: "2", expected: "30" },
    { units: "5", expected: "30" },
    { units: "5.5", expected: "60" },
    { units: "6", expected: "60" },
  ])("flat fees only, $units units = $expected", ({ units, expected }) => {
    expect(price(units, flatOnlyStandardTiers).amount.toFixed()).toBe(expected);
  });

  it("details each tier with its declared bounds", () => {
    expect(price("25", threeStandardTiers).details.ranges).toEqual([
      { fromValue: 0, toValue: 10, units: "10", perUnitAmount: "1", perUnitTotalAmount: "10", flatUnitAmount: "5", totalWithFlatAmount: "15" },
      { fromValue: 11, toValue: 20, units: "10", perUnitAmount: "0.5", perUnitTotalAmount: "5", flatUnitAmount: "2", totalWithFlatAmount: "7" },
      { fromValue: 21, toValue: null, units: "5", perUnitAmount: "0.1", perUnitTotalAmount: "0.5", flatUnitAmount: "1", totalWithFlatAmount: "1.5" },
    ]);
  });

  it("puts the fraction between 10 and 11 in the second tier", () => {
    expect(price("10.5", threeStandardTiers).details.ranges[1]).toEqual({
      fromValue: 11,
      toValue: 20,
      units: "0.5",
      perUnitAmount: "0.5",
      perUnitTotalAmount: "0.25",
      flatUnitAmount: "2",
      totalWithFlatAmount: "2.25",
    });
  });

  it.each(["0", "0.5", "10", "10.5", "11", "20", "20.5", "21", "25"])("prices %s units as the adjacent form does", (units) => {
    expect(price(units, threeStandardTiers).amount).toEqual(price(units, threeTiers).amount);
  });
});
