import { describe, expect, it } from "vitest";
import { currencyExponent, formatMinorUnits, formatMoney, formatMoneyAmount, toMinorUnits } from "./currency";
import { ExactDecimal } from "./exact-decimal";

describe("currencyExponent", () => {
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["CAD", 2],
    ["GBP", 2],
    ["ZZZ", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["VND", 0],
    ["CLP", 0],
    ["ISK", 0],
    ["UGX", 0],
    ["XAF", 0],
    ["XOF", 0],
    ["XPF", 0],
    ["PYG", 0],
    ["BHD", 3],
    ["KWD", 3],
    ["OMR", 3],
    ["JOD", 3],
    ["TND", 3],
    ["IQD", 3],
    ["LYD", 3],
    ["CLF", 4],
  ])("%s has %i decimals", (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it.each(["usd", "Usd", "US", "USDD", "", "U$D", " USD", "USD ", "12A"])("refuses %j", (code) => {
    expect(() => currencyExponent(code)).toThrow(TypeError);
  });
});

describe("toMinorUnits", () => {
  it.each([
    ["0", "USD", 0n],
    ["1.23", "USD", 123n],
    ["1.004", "USD", 100n],
    ["1.005", "USD", 101n],
    ["1.0049999999", "USD", 100n],
    ["0.015", "USD", 2n],
    ["0.025", "USD", 3n],
    ["0.005", "USD", 1n],
    ["0.00499", "USD", 0n],
    ["1234.5", "JPY", 1235n],
    ["1234.4999", "JPY", 1234n],
    ["0.5", "JPY", 1n],
    ["1.2345", "KWD", 1235n],
    ["1.2344", "KWD", 1234n],
    ["0.0005", "BHD", 1n],
    ["1.00005", "CLF", 10001n],
    ["5000000000000000000.005", "USD", 500000000000000000001n],
  ])("%s %s → %s", (amount, currency, cents) => {
    expect(toMinorUnits(new ExactDecimal(amount), currency)).toBe(cents);
  });

  it("refuses a malformed currency", () => {
    expect(() => toMinorUnits(new ExactDecimal(1), "usd")).toThrow(TypeError);
  });
});

describe("formatMinorUnits", () => {
  it.each([
    [12345n, "CAD", "123.45"],
    [0n, "USD", "0.00"],
    [5n, "USD", "0.05"],
    [50n, "USD", "0.50"],
    [100n, "EUR", "1.00"],
    [-5n, "USD", "-0.05"],
    [-12345n, "USD", "-123.45"],
    [12345n, "JPY", "12345"],
    [0n, "JPY", "0"],
    [-7n, "JPY", "-7"],
    [1234n, "KWD", "1.234"],
    [5n, "BHD", "0.005"],
    [0n, "OMR", "0.000"],
    [10001n, "CLF", "1.0001"],
    [123456789012345678901n, "USD", "1234567890123456789.01"],
  ])("%s %s → %s", (cents, currency, formatted) => {
    expect(formatMinorUnits(cents, currency)).toBe(formatted);
  });

  it("refuses a malformed currency", () => {
    expect(() => formatMinorUnits(1n, "cad")).toThrow(TypeError);
  });
});

describe("formatMoney", () => {
  it.each([
    [1260n, "CAD", "CAD 12.60"],
    ["2900", "USD", "USD 29.00"],
    [-1234567n, "EUR", "-EUR 12,345.67"],
    [5n, "JPY", "JPY 5"],
    [12345n, "BHD", "BHD 12.345"],
    [0n, "CAD", "CAD 0.00"],
  ])("%s %s → %s", (minor, currency, shown) => {
    expect(formatMoney(minor, currency).replace(/\u00a0/g, " ")).toBe(shown);
  });

  it("keeps every digit of amounts a float cannot hold", () => {
    expect(formatMoney(123456789012345678901n, "USD").replace(/\u00a0/g, " ")).toBe("USD 1,234,567,890,123,456,789.01");
  });
});

describe("formatMoneyAmount", () => {
  it("shows sub-cent prices and pads to the currency's exponent", () => {
    expect(formatMoneyAmount("0.0005", "USD").replace(/\u00a0/g, " ")).toBe("USD 0.0005");
    expect(formatMoneyAmount("30", "CAD").replace(/\u00a0/g, " ")).toBe("CAD 30.00");
    expect(formatMoneyAmount("20030.125", "EUR").replace(/\u00a0/g, " ")).toBe("EUR 20,030.125");
  });
});
