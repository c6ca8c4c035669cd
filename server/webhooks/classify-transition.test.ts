import { describe, expect, it } from "vitest";
import { classifyTransition, invoiceLifecycleState, WEBHOOK_TYPES, webhookTypesOf } from "./classify-transition";

describe("classifyTransition account.move", () => {
  it.each([
    [null, "paid", "payment_succeeded"],
    [null, "in_payment", "payment_succeeded"],
    // First seen owed: created; an owed invoice passing its due date: overdue, once.
    [null, "not_paid", "invoice_created"],
    [null, "partial", "invoice_created"],
    [null, "reversed", "invoice_created"],
    [null, "not_paid+overdue", "invoice_created"],
    ["not_paid", "not_paid+overdue", "payment_overdue"],
    ["partial", "partial+overdue", "payment_overdue"],
    ["not_paid", "partial+overdue", "payment_overdue"],
    ["not_paid+overdue", "partial+overdue", null],
    ["not_paid+overdue", "not_paid+overdue", null],
    ["not_paid+overdue", "paid", "payment_succeeded"],
    ["paid", "not_paid+overdue", "payment_failed"],
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
    // A credit note: announced once, when first seen, and never as a payment.
    [null, "credit_note", "credit_note_created"],
    ["credit_note", "credit_note", null],
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

describe("invoiceLifecycleState", () => {
  it("marks an overdue invoice, and only that", () => {
    expect(invoiceLifecycleState("not_paid", true)).toBe("not_paid+overdue");
    expect(invoiceLifecycleState("not_paid", false)).toBe("not_paid");
  });
});

describe("webhookTypesOf", () => {
  const move = (kind: Parameters<typeof webhookTypesOf>[0]["kind"], previousState: string | null, state: string) => webhookTypesOf({ kind, model: "account.move", previousState, state });
  it.each([
    // Odoo charged a saved card as it posted: created, then paid.
    [move("payment_succeeded", null, "paid"), ["invoice.created", "invoice.payment_status_updated"]],
    [move("invoice_created", null, "not_paid"), ["invoice.created"]],
    [move("invoice_created", null, "not_paid+overdue"), ["invoice.created", "invoice.payment_overdue"]],
    [move("payment_succeeded", "not_paid+overdue", "paid"), ["invoice.payment_status_updated"]],
    [move("payment_failed", "paid", "not_paid+overdue"), ["invoice.payment_failure", "invoice.payment_status_updated", "invoice.payment_overdue"]],
    [move("payment_failed", "paid", "not_paid"), ["invoice.payment_failure", "invoice.payment_status_updated"]],
    [move("payment_overdue", "not_paid", "not_paid+overdue"), ["invoice.payment_overdue"]],
    // A credit note is no invoice: created, nothing else.
    [move("credit_note_created", null, "credit_note"), ["credit_note.created"]],
    // An order is never an invoice, first seen or not.
    [webhookTypesOf({ kind: "subscription_terminated", model: "sale.order", previousState: null, state: "6_churn" }), ["subscription.terminated"]],
  ] as const)("%j", (types, expected) => {
    expect(types).toEqual(expected);
  });
});

describe("WEBHOOK_TYPES", () => {
  it("maps each kind to Lago webhook types", () => {
    expect(WEBHOOK_TYPES).toEqual({
      invoice_created: ["invoice.created"],
      payment_overdue: ["invoice.payment_overdue"],
      payment_succeeded: ["invoice.payment_status_updated"],
      payment_failed: ["invoice.payment_failure", "invoice.payment_status_updated"],
      credit_note_created: ["credit_note.created"],
      subscription_terminated: ["subscription.terminated"],
      subscription_reopened: ["subscription.started"],
    });
  });
});
