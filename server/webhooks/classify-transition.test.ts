import { describe, expect, it } from "vitest";
import { classifyTransition, WEBHOOK_TYPES } from "./classify-transition";

describe("classifyTransition account.move", () => {
  it.each([
    [null, "paid", "payment_succeeded"],
    [null, "in_payment", "payment_succeeded"],
    [null, "not_paid", null],
    [null, "partial", null],
    [null, "reversed", null],
    ["not_paid", "in_payment", "payment_succeeded"],
    ["not_paid", "paid", "payment_succeeded"],
    ["partial", "paid", "payment_succeeded"],
    ["in_payment", "paid", null],
    ["paid", "in_payment", null],
    ["paid", "not_paid", "payment_failed"],
    ["in_payment", "not_paid", "payment_failed"],
    ["in_payment", "partial", "payment_failed"],
    ["not_paid", "partial", null],
    ["paid", "reversed", null],
    ["reversed", "paid", "payment_succeeded"],
    ["paid", "blocked", null],
    ["not_paid", "not_paid", null],
  ] as const)("%s → %s = %s", (previous, current, expected) => {
    expect(classifyTransition("account.move", previous, current)).toBe(expected);
  });
});

describe("classifyTransition sale.order", () => {
  it.each([
    [null, "6_churn", "subscription_terminated"],
    ["3_progress", "6_churn", "subscription_terminated"],
    ["4_paused", "6_churn", "subscription_terminated"],
    ["6_churn", "6_churn", null],
    ["3_progress", "4_paused", null],
    // Odoo reopened it: a late payment matched on the churned order's invoice.
    ["6_churn", "3_progress", "subscription_reopened"],
    ["6_churn", "4_paused", null],
    [null, "3_progress", null],
    // Payment states mean nothing on an order.
    ["not_paid", "paid", null],
  ] as const)("%s → %s = %s", (previous, current, expected) => {
    expect(classifyTransition("sale.order", previous, current)).toBe(expected);
  });
});

describe("WEBHOOK_TYPES", () => {
  it("maps each kind to Lago webhook types", () => {
    expect(WEBHOOK_TYPES).toEqual({
      payment_succeeded: ["invoice.payment_status_updated"],
      payment_failed: ["invoice.payment_failure", "invoice.payment_status_updated"],
      subscription_terminated: ["subscription.terminated"],
      subscription_reopened: ["subscription.started"],
    });
  });
});
