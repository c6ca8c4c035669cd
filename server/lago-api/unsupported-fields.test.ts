import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { refuseUnsupportedFields } from "./unsupported-fields";

const fields = ["plan_overrides", { name: "account_type", accepts: ["customer"] }];
const refusal = (body: unknown) => {
  try {
    refuseUnsupportedFields(body, "customer", fields);
    return null;
  } catch (error) {
    return error instanceof AppError ? error.extra.details : error;
  }
};

describe("refuseUnsupportedFields", () => {
  it.each([
    ["absent", { customer: { name: "x" } }],
    ["null", { customer: { plan_overrides: null } }],
    ["an accepted no-op value", { customer: { account_type: "customer" } }],
    ["a body without the root (parsing says so)", { other: {} }],
    ["a non-object root", { customer: "x" }],
  ])("lets %s through", (_name, body) => {
    expect(refusal(body)).toBeNull();
  });

  it("names every refused field", () => {
    expect(refusal({ customer: { plan_overrides: { amount_cents: 1 }, account_type: "partner" } })).toEqual({
      plan_overrides: ["unsupported_field"], account_type: ["unsupported_field"],
    });
  });

  it.each([{}, { amount_cents: null, charges: [] }, []])("takes %j as asking for nothing", (value) => {
    expect(refusal({ customer: { plan_overrides: value } })).toBeNull();
  });

  it("refuses a nested value", () => {
    expect(refusal({ customer: { plan_overrides: { charges: [{ id: "c" }] } } })).toEqual({ plan_overrides: ["unsupported_field"] });
  });
});
