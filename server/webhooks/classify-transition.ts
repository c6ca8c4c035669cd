import type { LifecycleKind, WatchedModel, WebhookType } from "./lifecycle-types";

// Lago's payment_status has three values; Odoo's payment_state more. in_payment counts
// as paid (Odoo's "paid, awaiting bank reconciliation"); partial is still owed.
const PAYMENT_CLASS: Readonly<Record<string, "succeeded" | "pending">> = {
  paid: "succeeded",
  in_payment: "succeeded",
  not_paid: "pending",
  partial: "pending",
};

// Odoo keeps no overdue state: an invoice is overdue while it is owed past its due date.
// The hub records it in the invoice's lifecycle state, so the move into it is seen once.
const OVERDUE_MARK = "+overdue";

/**
 * A posted credit note's one lifecycle state: it is announced once, when first seen; its
 * payment_state (reconciled against an invoice or not) is no payment of the customer's.
 */
export const CREDIT_NOTE_STATE = "credit_note";

/** An invoice's lifecycle state: its payment_state, marked while it is owed past its due date. */
export function invoiceLifecycleState(paymentState: string, overdue: boolean): string {
  return overdue ? `${paymentState}${OVERDUE_MARK}` : paymentState;
}
const paymentStateOf = (state: string) => (state.endsWith(OVERDUE_MARK) ? state.slice(0, -OVERDUE_MARK.length) : state);
const isOverdue = (state: string | null) => state !== null && state.endsWith(OVERDUE_MARK);
const becameOverdue = (previous: string | null, current: string) => isOverdue(current) && !isOverdue(previous);

/**
 * The lifecycle event a state change means, or null. An invoice seen for the first time
 * was created (posted); a payment failure is a paid invoice falling back to owed (payment
 * reversed or bounced); an owed invoice passing its due date is overdue. Only churn ends
 * a subscription: a pause may resume. A churned order back in progress is Odoo reopening
 * it (a late payment matched on its invoice). When one read shows several changes, the
 * payment is the event's kind and webhookTypesOf adds the others' webhooks.
 */
export function classifyTransition(model: WatchedModel, previous: string | null, current: string): LifecycleKind | null {
  if (model === "sale.order") {
    if (current === "6_churn" && previous !== "6_churn") return "subscription_terminated";
    return current === "3_progress" && previous === "6_churn" ? "subscription_reopened" : null;
  }
  if (current === CREDIT_NOTE_STATE) return previous === null ? "credit_note_created" : null;
  const before = previous === null ? null : PAYMENT_CLASS[paymentStateOf(previous)];
  const after = PAYMENT_CLASS[paymentStateOf(current)];
  if (after === "succeeded" && before !== "succeeded") return "payment_succeeded";
  if (after === "pending" && before === "succeeded") return "payment_failed";
  if (previous === null) return "invoice_created";
  return becameOverdue(previous, current) ? "payment_overdue" : null;
}

/** Lago sends both a failure and a status update when a payment fails. */
export const WEBHOOK_TYPES: Readonly<Record<LifecycleKind, readonly WebhookType[]>> = {
  invoice_created: ["invoice.created"],
  payment_succeeded: ["invoice.payment_status_updated"],
  payment_failed: ["invoice.payment_failure", "invoice.payment_status_updated"],
  payment_overdue: ["invoice.payment_overdue"],
  credit_note_created: ["credit_note.created"],
  subscription_terminated: ["subscription.terminated"],
  subscription_reopened: ["subscription.started"],
};

/**
 * Every webhook an event sends, in Lago's order: an invoice first seen already paid (Odoo
 * charged a saved card as it posted) is announced created, then paid; one first seen, or
 * failing, past its due date is also overdue.
 */
export function webhookTypesOf(event: { kind: LifecycleKind; model: WatchedModel; previousState: string | null; state: string }): WebhookType[] {
  const types = [...WEBHOOK_TYPES[event.kind]];
  if (event.model !== "account.move" || event.kind === "credit_note_created") return types;
  if (event.previousState === null && event.kind !== "invoice_created") types.unshift("invoice.created");
  if (event.kind !== "payment_overdue" && becameOverdue(event.previousState, event.state)) types.push("invoice.payment_overdue");
  return types;
}
