import { describe, expect, it } from "vitest";
import { checkCharge, PROPERTY_TEMPLATES } from "./charge-preview";

describe("checkCharge", () => {
  it("prices a valid charge for the preview", () => {
    expect(checkCharge("standard", '{"amount":"0.10"}', "1250", "USD")).toEqual({ ok: true, properties: { amount: "0.10", free_units: "0" }, preview: "1,250 units → 125.00 USD" });
    expect(checkCharge("package", '{"amount":"5","package_size":1000,"free_units":"0"}', "1250", "CAD")).toMatchObject({ preview: "1,250 units → 10.00 CAD" });
  });

  it("reports Lago field codes and bad JSON", () => {
    expect(checkCharge("standard", '{"amount":"abc"}', "1", "USD")).toEqual({ ok: false, errors: ["properties.amount: invalid_amount"] });
    expect(checkCharge("standard", "{", "1", "USD")).toEqual({ ok: false, errors: ["properties: not valid JSON"] });
  });

  it("validates without a preview when units or currency are not usable yet", () => {
    expect(checkCharge("standard", '{"amount":"1"}', "", "USD")).toMatchObject({ ok: true, preview: null });
    expect(checkCharge("standard", '{"amount":"1"}', "5", "us")).toMatchObject({ ok: true, preview: null });
  });

  it("ships templates that validate", () => {
    for (const [model, properties] of Object.entries(PROPERTY_TEMPLATES)) {
      expect(checkCharge(model as keyof typeof PROPERTY_TEMPLATES, JSON.stringify(properties), "1250", "USD").ok).toBe(true);
    }
  });
});
