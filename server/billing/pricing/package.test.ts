import { describe, expect, it } from "vitest";
import { ExactDecimal } from "./exact-decimal";
import { pricePackage } from "./package";

describe("pricePackage", () => {
  it.each([
    { units: "0", amount: "5", size: 10, packages: "0", expected: "0" },
    { units: "1", amount: "5", size: 10, packages: "1", expected: "5" },
    { units: "0.01", amount: "5", size: 10, packages: "1", expected: "5" },
    { units: "9.99", amount: "5", size: 10, packages: "1", expected: "5" },
    { units: "10", amount: "5", size: 10, packages: "1", expected: "5" },
    { units: "10.01", amount: "5", size: 10, packages: "2", expected: "10" },
    { units: "11", amount: "5", size: 10, packages: "2", expected: "10" },
    { units: "20", amount: "5", size: 10, packages: "2", expected: "10" },
    { units: "21", amount: "5", size: 10, packages: "3", expected: "15" },
    { units: "3.2", amount: "0.25", size: 1, packages: "4", expected: "1" },
    { units: "3", amount: "0.25", size: 1, packages: "3", expected: "0.75" },
    { units: "7", amount: "1.5", size: 3, packages: "3", expected: "4.5" },
    { units: "6", amount: "1.5", size: 3, packages: "2", expected: "3" },
    { units: "100", amount: "0", size: 10, packages: "10", expected: "0" },
    { units: "1000000000000", amount: "5", size: 10, packages: "100000000000", expected: "500000000000" },
    { units: "1000000000001", amount: "5", size: 1000, packages: "1000000001", expected: "5000000005" },
  ])("$units units in packages of $size at $amount = $expected", ({ units, amount, size, packages, expected }) => {
    const priced = pricePackage(new ExactDecimal(units), { amount, package_size: size, free_units: "0" });
    expect(priced.amount.toFixed()).toBe(expected);
    expect(priced.details).toEqual({ packageCount: packages });
  });
});
