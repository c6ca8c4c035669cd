import { describe, expect, it } from "vitest";
import { detailSentences, errorSentence, isErrorCode } from "./error-sentences";

describe("errorSentence", () => {
  it.each([
    ["invalid_amount", undefined, "Enter an amount such as 0.05: digits, optionally a dot and decimals, no sign."],
    ["invalid_package_size", "charges.0.properties.package_size", "Enter a whole number of units, at least 1."],
    ["invalid_graduated_ranges", "charges.1.properties.graduated_ranges", "Tiers must start at 0, follow one another without a gap, and only the last one is open-ended."],
    ["value_is_mandatory", "field_name", "Required."],
    ["value_already_exist", "code", "This code is already used: pick another one."],
    ["value_already_exist", "email", "A user with this email already exists."],
    ["value_already_exist", "odoo_partner_id", "This Odoo partner is already mapped to another billing customer."],
    ["value_already_exist", "charges.2.billable_metric_id", "This metric is already charged in this plan."],
    ["value_already_exist", "webhook_url", "This webhook URL is already used."],
    ["last_active_admin", undefined, "This is the last active admin: make another user admin first."],
  ])("%s on %s", (code, path, sentence) => {
    expect(errorSentence(code, path)).toBe(sentence);
  });

  it("spells out a code it does not know instead of showing it raw", () => {
    expect(errorSentence("plan_not_found")).toBe("Plan not found.");
  });
});

describe("detailSentences", () => {
  it("keys top-level fields as the forms name them and keeps nested paths", () => {
    expect(detailSentences({ code: ["value_already_exist"], field_name: ["value_is_mandatory"], "charges.0.properties.amount": ["invalid_amount"] })).toEqual({
      code: "This code is already used: pick another one.",
      fieldName: "Required.",
      "charges.0.properties.amount": "Enter an amount such as 0.05: digits, optionally a dot and decimals, no sign.",
    });
  });

  it("joins several codes of one field", () => {
    expect(detailSentences({ recurring: ["not_compatible_with_aggregation_type", "value_is_invalid"] }).recurring)
      .toBe("Only Sum and Unique count metrics can be recurring. Not a valid value.");
  });
});

describe("isErrorCode", () => {
  it("tells codes from sentences", () => {
    expect(isErrorCode("job_not_retryable")).toBe(true);
    expect(isErrorCode("sign in first")).toBe(false);
    expect(isErrorCode("forbidden")).toBe(false);
  });
});
