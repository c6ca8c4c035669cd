import { describe, expect, it } from "vitest";
import { ExactDecimal } from "./exact-decimal";
import { priceStandard } from "./standard";

describe("priceStandard", () => {
  it.each([
    { units: "0", amount: "0.05", expected: "0" },
    { units: "1", amount: "0.05", expected: "0.05" },
    { units: "10.5", amount: "2", expected: "21" },
    { units: "3", amount: "0.333", expected: "0.999" },
    { units: "0.001", amount: "0.001", expected: "0.000001" },
    { units: "7", amount: "0", expected: "0" },
    { units: "1000000000000", amount: "0.0001", expected: "100000000" },
    { units: "1000000000000", amount: "12.5", expected: "12500000000000" },
    // 22 significant digits: decimal.js's default precision of 20 would drop the .005.
    { units: "1000000000000000000001", amount: "0.005", expected: "5000000000000000000.005" },
  ])("$units × $amount = $expected", ({ units, amount, expected }) => {
    const priced = priceStandard(new ExactDecimal(units), { amount, free_units: "0" });
    expect(priced.amount.toFixed()).toBe(expected);
    expect(priced.details).toEqual({});
  });
});
