import { describe, expect, it } from "vitest";
import { validateChargeProperties } from "~/server/billing/pricing";
import { addTier, type ChargeDraft, checkChargeDraft, draftFromCharge, draftProperties, newChargeDraft, removeTier, setTierTo, type TierDraft } from "./charge-draft";

const tiers = (...rows: Array<[string, string, string, string]>): TierDraft[] =>
  rows.map(([from, to, perUnit, flat], key) => ({ key, from, to, perUnit, flat }));
const graduated = (overrides: Partial<ChargeDraft> = {}): ChargeDraft => ({ ...newChargeDraft("api_calls", "graduated"), ...overrides });

describe("checkChargeDraft", () => {
  it("prices a graduated charge tier by tier for the preview", () => {
    const check = checkChargeDraft(graduated({ tiers: tiers(["0", "1000", "0.05", "0"], ["1000", "", "0.03", "10"]), previewUnits: "1250" }), "EUR");
    expect(check.errors).toEqual({});
    expect(check.priced?.amountCents).toBe(6750n); // 1000 × 0.05 + 250 × 0.03 + 10 flat
    expect(check.priced?.details).toMatchObject({ ranges: [{ units: "1000", perUnitTotalAmount: "50" }, { units: "250", flatUnitAmount: "10", totalWithFlatAmount: "17.5" }] });
  });

  it("puts each mistake on its tier and field, in words", () => {
    const check = checkChargeDraft(graduated({ tiers: tiers(["1", "1000", "0.05", "0"], ["999", "500", "abc", "0"], ["1200", "2000", "0.01", "-1"]) }), "USD");
    expect(check.tierErrors).toEqual([
      { from: "The first tier starts at 0." },
      { from: "Start where the tier above ends: 1000 or 1001.", to: "Must be above From (999).", perUnit: "Enter an amount such as 0.05: digits, optionally a dot and decimals, no sign." },
      { from: "Start where the tier above ends: 500 or 501.", to: "The last tier has no upper limit: leave it empty.", flat: "Enter an amount such as 0.05: digits, optionally a dot and decimals, no sign." },
    ]);
    expect(check.properties).toBeNull();
    expect(check.priced).toBeNull();
  });

  it("refuses tiers that mix the two range forms, as the server does", () => {
    const draft = graduated({ tiers: tiers(["0", "10", "1", "0"], ["10", "20", "1", "0"], ["21", "", "1", "0"]) });
    expect(checkChargeDraft(draft, "USD").errors).toEqual({ tiers: "Use one form for every tier: each starts at the To above it, or each at To + 1." });
    expect(validateChargeProperties("graduated", draftProperties(draft)).ok).toBe(false);
  });

  it("checks standard and package fields", () => {
    expect(checkChargeDraft({ ...newChargeDraft("m", "standard"), amount: "1e3" }, "USD").errors).toEqual({ amount: "Enter an amount such as 0.05: digits, optionally a dot and decimals, no sign." });
    expect(checkChargeDraft({ ...newChargeDraft("m", "package"), packageSize: "0", freeUnits: "x" }, "USD").errors).toEqual({
      packageSize: "Enter a whole number of units, at least 1.",
      freeUnits: "Enter a number of free units such as 100 (0 for none).",
    });
    expect(checkChargeDraft({ ...newChargeDraft("m", "package"), amount: "5", packageSize: "1000", previewUnits: "1250" }, "CAD").priced?.amountCents).toBe(1000n);
  });

  it("validates without a preview while units or currency are not usable", () => {
    expect(checkChargeDraft({ ...newChargeDraft("m"), previewUnits: "" }, "USD")).toMatchObject({ errors: {}, priced: null, properties: { amount: "0.10" } });
    expect(checkChargeDraft(newChargeDraft("m"), "us")).toMatchObject({ priced: null });
  });

  it("starts every model from a valid example", () => {
    for (const model of ["standard", "package", "graduated", "volume"] as const) {
      expect(checkChargeDraft(newChargeDraft("m", model), "USD").properties).not.toBeNull();
    }
  });
});

describe("tier editing", () => {
  const standardForm = tiers(["0", "10", "1", "0"], ["11", "", "0.5", "0"]);

  it("adds a tier after the last in the draft's form, closing the old last tier", () => {
    expect(addTier(standardForm).map(({ from, to }) => [from, to])).toEqual([["0", "10"], ["11", "1011"], ["1012", ""]]);
  });

  it("moves the next tier's From with a To", () => {
    expect(setTierTo(standardForm, 0, "50").map(({ from, to }) => [from, to])).toEqual([["0", "50"], ["51", ""]]);
  });

  it("removes a tier and keeps the list contiguous and open-ended", () => {
    const three = tiers(["0", "10", "1", "0"], ["10", "20", "2", "0"], ["20", "", "3", "0"]);
    expect(removeTier(three, 1).map(({ from, to, perUnit }) => [from, to, perUnit])).toEqual([["0", "10", "1"], ["10", "", "3"]]);
    expect(removeTier(three, 2).map(({ from, to }) => [from, to])).toEqual([["0", "10"], ["10", ""]]);
    expect(checkChargeDraft(graduated({ tiers: removeTier(three, 0) }), "USD").errors).toEqual({});
  });

  it("reads a stored charge back into the same draft", () => {
    const properties = { volume_ranges: [{ from_value: 0, to_value: 100, per_unit_amount: "1", flat_amount: "5" }, { from_value: 101, to_value: null, per_unit_amount: "0.5", flat_amount: "0" }], free_units: "10" };
    const draft = draftFromCharge("seats", "volume", properties);
    expect(draft.tiers.map(({ from, to, perUnit, flat }) => [from, to, perUnit, flat])).toEqual([["0", "100", "1", "5"], ["101", "", "0.5", "0"]]);
    expect(draftProperties(draft)).toEqual(properties);
  });
});
