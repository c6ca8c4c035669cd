import type { LifecycleKind, WatchedModel, WebhookType } from "./lifecycle-types";

// Lago's payment_status has three values; Odoo's payment_state more. in_payment counts
// as paid (Odoo's "paid, awaiting bank reconciliation"); partial is still owed.
const PAYMENT_CLASS: Readonly<Record<string, "succeeded" | "pending">> = {
  paid: "succeeded",
  in_payment: "succeeded",
  not_paid: "pending",
  partial: "pending",
};

/**
 * The lifecycle event a state change means, or null. A payment failure is a paid invoice
 * falling back to owed (payment reversed or bounced); a first sighting of an unpaid
 * invoice is no event. Only churn ends a subscription: a pause may resume. A churned
 * order back in progress is Odoo reopening it (a late payment matched on its invoice).
 */
export function classifyTransition(model: WatchedModel, previous: string | null, current: string): LifecycleKind | null {
  if (model === "sale.order") {
    if (current === "6_churn" && previous !== "6_churn") return "subscription_terminated";
    return current === "3_progress" && previous === "6_churn" ? "subscription_reopened" : null;
  }
  const before = previous === null ? null : PAYMENT_CLASS[previous];
  const after = PAYMENT_CLASS[current];
  if (after === "succeeded" && before !== "succeeded") return "payment_succeeded";
  if (after === "pending" && before === "succeeded") return "payment_failed";
  return null;
}

/** Lago sends both a failure and a status update when a payment fails. */
export const WEBHOOK_TYPES: Readonly<Record<LifecycleKind, readonly WebhookType[]>> = {
  payment_succeeded: ["invoice.payment_status_updated"],
  payment_failed: ["invoice.payment_failure", "invoice.payment_status_updated"],
  subscription_terminated: ["subscription.terminated"],
  subscription_reopened: ["subscription.started"],
};
