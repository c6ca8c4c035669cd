/**
 * sale_subscription's lifecycle around invoices (Enterprise 19.0): confirmation
 * (`action_confirm`, `_confirm_subscription`, `_constraint_subscription_plan`), posting
 * (`account.move._post` sets next_invoice_date), closing (`set_close`) and reopening on
 * payment (`account.move.write` → `_reopen_paid_churned_subscription` → `set_open`).
 */
import { addDays, addPeriod } from "../dates";
import { userError, validationError } from "../errors";
import { getRecord, table } from "../records";
import {
  allRecurringPostpaid, billingPeriodOf, isPostpaidLine, isRecurringLine, linesOfOrder, maxInvoicedDate, subscriptionInvoiceLines,
  updateNextInvoiceDate,
} from "./subscription-periods";
import type { Env, RawRecord } from "./types";

/** The protected close reasons sale_subscription ships (data/sale_subscription_data.xml), by xml id. */
export const CLOSE_REASONS = {
  close_reason_renew: "The subscription was renewed with a new plan",
  close_reason_end_of_contract: "End of contract",
  close_reason_auto_close_limit_reached: "Automatic renewal failed",
  close_reason_unpaid_subscription: "Unpaid subscription",
  close_reason_unknown: "Unknown",
} as const;
export type CloseReason = keyof typeof CLOSE_REASONS;

/** `sale.order.close.reason._get_reason_to_reopen`: only Odoo's own closes for non-payment reopen on payment. */
const REOPENING_REASONS: CloseReason[] = ["close_reason_auto_close_limit_reached", "close_reason_unpaid_subscription"];

export function closeReasonId(env: Env, reason: CloseReason): number {
  const name = CLOSE_REASONS[reason];
  const found = [...table(env, "sale.order.close.reason").values()].find((r) => r.name === name);
  if (!found) throw new Error(`odoo-sim: close reason ${reason} missing from the base data`);
  return found.id;
}

export const autoCloseLimit = (env: Env, order: RawRecord) =>
  Number((order.plan_id && getRecord(env, "sale.subscription.plan", order.plan_id as number)?.auto_close_limit) || 15);

/**
 * `set_close`: the order ends today (or on an end_date already past) and churns, with the
 * given reason, else its own, else "End of contract" when it reached its end_date, else "Unknown".
 */
export function setClose(env: Env, order: RawRecord, reason?: CloseReason): void {
  const today = env.today;
  const endDate = order.end_date && String(order.end_date) <= today ? String(order.end_date) : today;
  order.subscription_state = "6_churn";
  const fallback: CloseReason = order.end_date && String(order.end_date) <= endDate ? "close_reason_end_of_contract" : "close_reason_unknown";
  order.close_reason_id = reason ? closeReasonId(env, reason) : (order.close_reason_id || closeReasonId(env, fallback));
  order.end_date = endDate;
}

/** `set_open`: back in progress, end date and close reason cleared. */
export function setOpen(order: RawRecord): void {
  if (order.subscription_state === "6_churn" && order.end_date) order.end_date = false;
  Object.assign(order, { state: "sale", subscription_state: "3_progress", close_reason_id: false });
}

const subscriptionsOfMove = (env: Env, move: RawRecord) => {
  const ids = new Set<number>();
  for (const aml of table(env, "account.move.line").values())
    if (aml.move_id === move.id && aml.subscription_id) ids.add(aml.subscription_id as number);
  return [...ids].sort((a, b) => a - b).map((id) => getRecord(env, "sale.order", id)!).filter(Boolean);
};

/**
 * `account.move._post`: a posted customer invoice moves each of its subscriptions'
 * next_invoice_date to the day after the latest period invoiced so far (its start date
 * when none), one more period when every recurring line is postpaid.
 */
export function afterInvoicePosted(env: Env, move: RawRecord): void {
  if (move.move_type !== "out_invoice") return;
  for (const order of subscriptionsOfMove(env, move)) {
    if (!["3_progress", "4_paused", "6_churn"].includes(String(order.subscription_state))) continue;
    const last = maxInvoicedDate(env, subscriptionInvoiceLines(env, order.id));
    let next = last ? addDays(last, 1) : String(order.start_date);
    if (allRecurringPostpaid(env, order.id)) {
      const { value, unit } = billingPeriodOf(env, order);
      next = addPeriod(next, value, unit);
    }
    order.next_invoice_date = next;
    order.last_reminder_date = false;
  }
}

/**
 * `_reopen_paid_churned_subscription`, run when a payment is matched on a customer
 * invoice that is then paid or in payment: an order Odoo closed for non-payment reopens
 * while its next invoice date is within the plan's auto_close_limit.
 */
export function reopenPaidChurned(env: Env, move: RawRecord): void {
  if (move.move_type !== "out_invoice" || !["paid", "in_payment"].includes(String(move.payment_state))) return;
  const reopening = REOPENING_REASONS.map((reason) => closeReasonId(env, reason));
  for (const order of subscriptionsOfMove(env, move)) {
    const cutoff = addDays(env.today, -autoCloseLimit(env, order));
    if (order.subscription_state === "6_churn" && String(order.next_invoice_date) >= cutoff && reopening.includes(order.close_reason_id as number))
      setOpen(order);
  }
}

/**
 * Confirming a subscription (`action_confirm`): the plan and its recurring products must
 * go together, start_date defaults to today, next_invoice_date to the start, and an order
 * whose lines are all postpaid first invoices one period later (`_update_next_invoice_date`).
 */
export function confirmSubscription(env: Env, order: RawRecord): void {
  const lines = linesOfOrder(env, order.id);
  const recurring = lines.some((line) => isRecurringLine(env, line));
  if (!order.plan_id) {
    if (recurring) throw userError("Please add a recurring plan on the subscription or remove the recurring product.");
    order.state = "sale";
    return;
  }
  if (!recurring) throw userError("Please add a recurring product in the subscription or remove the recurring plan.");
  if (billingPeriodOf(env, order).value <= 0)
    throw userError("Recurring period must be a positive number. Please ensure the input is a valid positive numeric value.");
  order.state = "sale";
  order.subscription_state = "3_progress";
  order.start_date ||= env.today;
  order.next_invoice_date ||= order.start_date;
  if (lines.every((line) => isPostpaidLine(env, line))) updateNextInvoiceDate(env, order, env.today);
}

/**
 * require_payment and prepayment_percent as sale_subscription keeps them together:
 * `_compute_require_payment` (online payment whenever a prepayment is asked, the company's
 * by default) and `_inverse_require_payment` (no online payment, no prepayment), with
 * sale's `_check_prepayment_percent`.
 */
export function paymentGateValues(given: Record<string, unknown>, defaultPercent: number) {
  const percent = "prepayment_percent" in given ? Number(given.prepayment_percent) || 0 : defaultPercent;
  const values = "require_payment" in given
    ? { require_payment: Boolean(given.require_payment), prepayment_percent: given.require_payment ? percent || 1 : 0 }
    : { require_payment: percent > 0, prepayment_percent: percent };
  if (values.require_payment && !(values.prepayment_percent > 0 && values.prepayment_percent <= 1))
    throw validationError("Prepayment percentage must be a valid percentage.");
  return values;
}

/** `_check_start_date_lower_next_invoice_date`. */
export function checkSubscriptionDates(order: RawRecord): void {
  if (order.next_invoice_date && order.start_date && String(order.next_invoice_date) < String(order.start_date))
    // A table constraint: odoo/service/model.py turns the IntegrityError into this ValidationError.
    throw validationError("The operation cannot be completed: The next invoice date of a sale order should be after its start date.");
}

/** `_create_invoices`: a subscription with a draft invoice must have it posted or cancelled first. */
export function refuseDraftInvoices(env: Env, orders: RawRecord[]): void {
  const blocked = orders.filter((order) => order.plan_id && subscriptionDrafts(env, order).length);
  if (blocked.length)
    throw validationError(`The following recurring orders have draft invoices. Please Confirm them or cancel them before creating new invoices. ${blocked.map((o) => o.name).join(", ")}.`);
}

/** Draft customer invoices of a subscription: its lines' or its own invoice lines'. */
export function subscriptionDrafts(env: Env, order: RawRecord): RawRecord[] {
  const lineIds = linesOfOrder(env, order.id).map((line) => line.id);
  const moves = new Map<number, RawRecord>();
  for (const aml of table(env, "account.move.line").values()) {
    if (aml.subscription_id !== order.id && !((aml.sale_line_ids as number[]) ?? []).some((id) => lineIds.includes(id))) continue;
    const move = getRecord(env, "account.move", aml.move_id as number);
    if (move?.state === "draft" && ["out_invoice", "out_refund"].includes(String(move.move_type))) moves.set(move.id, move);
  }
  return [...moves.values()];
}
