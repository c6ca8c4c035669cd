import { describe, expect, it } from "vitest";
import { range } from "./charge-range.fixture";
import { priceCharge } from "./price-charge";

const tiers = [range(0, 10, "1", "5"), range(10, null, "0.5", "2")];
const volumeRanges = [range(0, 100, "2", "10"), range(100, 200, "1", "0"), range(200, null, "0.5", "50")];
const standardTiers = [range(0, 10, "1", "5"), range(11, null, "0.5", "2")];
const standardVolumeRanges = [range(0, 100, "2", "10"), range(101, 200, "1", "0"), range(201, null, "0.5", "50")];

describe("priceCharge free units", () => {
  it.each([
    { units: "0", free: "100", freeUsed: "0", billable: "0", cents: 0n },
    { units: "50", free: "100", freeUsed: "50", billable: "0", cents: 0n },
    { units: "100", free: "100", freeUsed: "100", billable: "0", cents: 0n },
    { units: "100.5", free: "100", freeUsed: "100", billable: "0.5", cents: 3n },
    { units: "250", free: "100", freeUsed: "100", billable: "150", cents: 750n },
    { units: "20", free: "10.5", freeUsed: "10.5", billable: "9.5", cents: 48n },
    { units: "20", free: "0", freeUsed: "0", billable: "20", cents: 100n },
  ])("standard at 0.05, $units units with $free free", ({ units, free, freeUsed, billable, cents }) => {
    expect(priceCharge({ chargeModel: "standard", properties: { amount: "0.05", free_units: free }, units, currency: "USD" })).toEqual({
      amountCents: cents,
      units,
      freeUnitsUsed: freeUsed,
      billableUnits: billable,
      details: {},
    });
  });

  it.each([
    { units: "5", billable: "0", cents: 0n },
    { units: "6", billable: "1", cents: 600n },
    { units: "15", billable: "10", cents: 1500n },
    { units: "15.5", billable: "10.5", cents: 1725n },
    { units: "20", billable: "15", cents: 1950n },
  ])("graduated tiers start after 5 free units: $units units", ({ units, billable, cents }) => {
    const priced = priceCharge({ chargeModel: "graduated", properties: { graduated_ranges: tiers, free_units: "5" }, units, currency: "USD" });
    expect(priced).toMatchObject({ amountCents: cents, freeUnitsUsed: "5", billableUnits: billable });
  });

  it.each([
    { units: "3", billable: "0", packages: "0", cents: 0n },
    { units: "3.5", billable: "0.5", packages: "1", cents: 500n },
    { units: "13", billable: "10", packages: "1", cents: 500n },
    { units: "13.01", billable: "10.01", packages: "2", cents: 1000n },
  ])("package after 3 free units: $units units", ({ units, billable, packages, cents }) => {
    const priced = priceCharge({
      chargeModel: "package",
      properties: { amount: "5", package_size: 10, free_units: "3" },
      units,
      currency: "USD",
    });
    expect(priced).toEqual({ amountCents: cents, units, freeUnitsUsed: "3", billableUnits: billable, details: { packageCount: packages } });
  });

  it.each([
    { units: "50", billable: "0", cents: 0n },
    { units: "51", billable: "1", cents: 1200n },
    { units: "150", billable: "100", cents: 21000n },
    { units: "150.5", billable: "100.5", cents: 10050n },
  ])("volume after 50 free units: $units units", ({ units, billable, cents }) => {
    const priced = priceCharge({ chargeModel: "volume", properties: { volume_ranges: volumeRanges, free_units: "50" }, units, currency: "USD" });
    expect(priced).toMatchObject({ amountCents: cents, freeUnitsUsed: "50", billableUnits: billable });
  });
});

describe("priceCharge free units with standard (+1) ranges", () => {
  it.each([
    { units: "5", free: "5", billable: "0", cents: 0n },
    { units: "6", free: "5", billable: "1", cents: 600n },
    { units: "15", free: "5", billable: "10", cents: 1500n },
    { units: "15.5", free: "5", billable: "10.5", cents: 1725n },
    { units: "16", free: "5", billable: "11", cents: 1750n },
    { units: "11", free: "0.5", billable: "10.5", cents: 1725n },
    { units: "10", free: "10.5", billable: "0", cents: 0n },
  ])("graduated, $units units with $free free", ({ units, free, billable, cents }) => {
    const priced = priceCharge({
      chargeModel: "graduated",
      properties: { graduated_ranges: standardTiers, free_units: free },
      units,
      currency: "USD",
    });
    expect(priced).toMatchObject({ amountCents: cents, billableUnits: billable });
  });

  it.each([
    { units: "50", billable: "0", cents: 0n },
    { units: "150", billable: "100", cents: 21000n },
    { units: "150.5", billable: "100.5", cents: 10050n },
    { units: "151", billable: "101", cents: 10100n },
  ])("volume after 50 free units: $units units", ({ units, billable, cents }) => {
    const priced = priceCharge({
      chargeModel: "volume",
      properties: { volume_ranges: standardVolumeRanges, free_units: "50" },
      units,
      currency: "USD",
    });
    expect(priced).toMatchObject({ amountCents: cents, freeUnitsUsed: "50", billableUnits: billable });
  });
});

describe("priceCharge rounding", () => {
  it.each([
    { amount: "0.005", units: "1", currency: "USD", cents: 1n },
    { amount: "0.004", units: "1", currency: "USD", cents: 0n },
    { amount: "0.0049999", units: "1", currency: "USD", cents: 0n },
    { amount: "0.015", units: "1", currency: "USD", cents: 2n },
    { amount: "0.025", units: "1", currency: "USD", cents: 3n },
    { amount: "0.001", units: "5", currency: "EUR", cents: 1n },
    { amount: "0.001", units: "4", currency: "EUR", cents: 0n },
    { amount: "0.333", units: "3", currency: "CAD", cents: 100n },
    { amount: "0.5", units: "1", currency: "JPY", cents: 1n },
    { amount: "1.4999", units: "1", currency: "JPY", cents: 1n },
    { amount: "1234.5", units: "1", currency: "JPY", cents: 1235n },
    { amount: "0.3", units: "5", currency: "KRW", cents: 2n },
    { amount: "0.0005", units: "1", currency: "KWD", cents: 1n },
    { amount: "1.2345", units: "1", currency: "BHD", cents: 1235n },
    { amount: "1.2344", units: "1", currency: "OMR", cents: 1234n },
    { amount: "0.05", units: "1000000000000", currency: "USD", cents: 5000000000000n },
    { amount: "0.005", units: "1000000000000000000001", currency: "USD", cents: 500000000000000000001n },
  ])("$units × $amount $currency → $cents", ({ amount, units, currency, cents }) => {
    const priced = priceCharge({ chargeModel: "standard", properties: { amount, free_units: "0" }, units, currency });
    expect(priced.amountCents).toBe(cents);
  });
});

describe("priceCharge", () => {
  it("normalises the unit strings", () => {
    expect(
      priceCharge({ chargeModel: "standard", properties: { amount: "1", free_units: "002.50" }, units: "010.50", currency: "USD" }),
    ).toMatchObject({ units: "10.5", freeUnitsUsed: "2.5", billableUnits: "8", amountCents: 800n });
  });

  it("writes huge counts without an exponent", () => {
    expect(
      priceCharge({ chargeModel: "standard", properties: { amount: "0", free_units: "0" }, units: "1000000000000000000000000", currency: "USD" }),
    ).toMatchObject({ units: "1000000000000000000000000", billableUnits: "1000000000000000000000000", amountCents: 0n });
  });

  it("returns the model's details", () => {
    expect(
      priceCharge({ chargeModel: "graduated", properties: { graduated_ranges: tiers, free_units: "0" }, units: "10.5", currency: "USD" }),
    ).toEqual({
      amountCents: 1725n,
      units: "10.5",
      freeUnitsUsed: "0",
      billableUnits: "10.5",
      details: {
        ranges: [
          { fromValue: 0, toValue: 10, units: "10", perUnitAmount: "1", perUnitTotalAmount: "10", flatUnitAmount: "5", totalWithFlatAmount: "15" },
          { fromValue: 10, toValue: null, units: "0.5", perUnitAmount: "0.5", perUnitTotalAmount: "0.25", flatUnitAmount: "2", totalWithFlatAmount: "2.25" },
        ],
      },
    });
  });

  it.each(["-1", "abc", "1e3", "", " 1", "1 ", "1.", ".5", "+1", "NaN", "Infinity", "-0"])("refuses units %j", (units) => {
    expect(() => priceCharge({ chargeModel: "standard", properties: { amount: "1", free_units: "0" }, units, currency: "USD" })).toThrow(
      TypeError,
    );
  });

  it.each(["usd", "US", "USDX", ""])("refuses currency %j", (currency) => {
    expect(() => priceCharge({ chargeModel: "standard", properties: { amount: "1", free_units: "0" }, units: "1", currency })).toThrow(
      TypeError,
    );
  });
});
