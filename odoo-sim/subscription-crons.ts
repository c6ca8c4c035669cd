/**
 * sale_subscription's other scheduled actions (Enterprise 19.0), and one Odoo day:
 *  - `_cron_subscription_expiration` ("subscriptions expiration"): closes orders whose
 *    end_date has passed ("End of contract"), orders with a posted invoice still not paid
 *    `auto_close_limit` days after its due date ("Unpaid subscription"), and orders whose
 *    next_invoice_date is more than `auto_close_limit` days late ("Automatic renewal failed");
 *  - `_cron_recurring_send_payment_reminder`: orders the payment gate holds back (online
 *    payment required, no token) get reminders and, `auto_close_limit` days after their
 *    next invoice date, are closed ("Automatic renewal failed").
 * Odoo schedules them expiration (+5 min), invoicing (+7), reminders (+11): a day runs
 * them in that order. Catching up missed reminder days (the cron's lastcall) is not modelled.
 */
import { addDays } from "./dates";
import { autoCloseLimit, setClose } from "./models/subscription-lifecycle";
import { subscriptionInvoiceLines } from "./models/subscription-periods";
import type { Env, RawRecord } from "./models/types";
import { type InvoicedOrder, runRecurringInvoicing } from "./recurring-invoice";
import { getRecord, table } from "./records";

export const SUBSCRIPTION_CRONS = ["subscription_expiration", "recurring_invoice", "payment_reminder"] as const;
export type SubscriptionCron = (typeof SUBSCRIPTION_CRONS)[number];

export interface OdooDay {
  today: string;
  invoiced: InvoicedOrder[];
  /** Orders closed that day, with the close reason's name. */
  closed: Array<{ order_id: number; reason: string }>;
}

const subscriptions = (env: Env, keep: (order: RawRecord) => boolean) =>
  [...table(env, "sale.order").values()].filter((o) => o.plan_id && o.state === "sale" && keep(o)).sort((a, b) => a.id - b.id);
const monthsAsDays = { week: 7, month: 30, year: 365 } as const;

/** `_get_unpaid_subscriptions`: a posted, unpaid invoice of the current period past due by more than the limit. */
function unpaidPastLimit(env: Env, order: RawRecord, today: string): boolean {
  const plan = getRecord(env, "sale.subscription.plan", order.plan_id as number);
  const conversion = (monthsAsDays[(plan?.billing_period_unit as keyof typeof monthsAsDays) ?? "month"] ?? 30) * (Number(plan?.billing_period_value) || 1);
  const periodFloor = addDays(String(order.next_invoice_date), -conversion);
  const moves = new Set(subscriptionInvoiceLines(env, order.id).filter((aml) => (aml.sale_line_ids as number[])?.length).map((aml) => aml.move_id as number));
  return [...moves].some((id) => {
    const move = getRecord(env, "account.move", id)!;
    if (move.move_type !== "out_invoice" || move.state !== "posted" || move.payment_state !== "not_paid") return false;
    const limit = addDays(String(move.invoice_date_due || move.invoice_date), autoCloseLimit(env, order));
    return limit < today && limit >= periodFloor;
  });
}

export function runSubscriptionExpiration(env: Env, today: string): OdooDay["closed"] {
  env.today = today;
  const closed: OdooDay["closed"] = [];
  const close = (order: RawRecord, reason?: Parameters<typeof setClose>[2]) => {
    setClose(env, order, reason);
    closed.push({ order_id: order.id, reason: String(getRecord(env, "sale.order.close.reason", order.close_reason_id as number)?.name) });
  };
  for (const order of subscriptions(env, (o) => ["3_progress", "4_paused"].includes(String(o.subscription_state)))) {
    const inProgress = order.subscription_state === "3_progress";
    if (inProgress && unpaidPastLimit(env, order, today)) close(order, "close_reason_unpaid_subscription");
    else if (inProgress && order.next_invoice_date && addDays(String(order.next_invoice_date), autoCloseLimit(env, order)) < today) close(order, "close_reason_auto_close_limit_reached");
    else if (order.end_date && String(order.end_date) < today) close(order);
  }
  return closed;
}

export function runPaymentReminder(env: Env, today: string): OdooDay["closed"] {
  env.today = today;
  const reminderDays = new Set([0, 2, 7, 14, -2, -7, -14].map((d) => addDays(today, d)));
  const closed: OdooDay["closed"] = [];
  const held = subscriptions(env, (o) => o.subscription_state === "3_progress" && !o.payment_token_id && o.require_payment === true && o.last_reminder_date !== today)
    .filter((o) => o.next_invoice_date && (reminderDays.has(String(o.next_invoice_date)) || String(o.next_invoice_date) <= today));
  for (const order of held) {
    const invoiced = subscriptionInvoiceLines(env, order.id).some((aml) => ["draft", "posted"].includes(String(getRecord(env, "account.move", aml.move_id as number)?.state)));
    if (Number(order.prepayment_percent) !== 1 && !invoiced) continue;
    const nextInvoice = String(order.next_invoice_date);
    if (today >= addDays(nextInvoice, autoCloseLimit(env, order)) && !reminderDays.has(nextInvoice)) {
      setClose(env, order, "close_reason_auto_close_limit_reached");
      closed.push({ order_id: order.id, reason: String(getRecord(env, "sale.order.close.reason", order.close_reason_id as number)?.name) });
    } else if (reminderDays.has(nextInvoice)) {
      order.last_reminder_date = today;
    }
  }
  return closed;
}

/** Runs the given crons (all three by default) for each day from `today` through `until`. */
export function runOdooDays(env: Env, today: string, until = today, crons: readonly SubscriptionCron[] = SUBSCRIPTION_CRONS): OdooDay[] {
  const days: OdooDay[] = [];
  for (let day = today; day <= until; day = addDays(day, 1)) {
    const result: OdooDay = { today: day, invoiced: [], closed: [] };
    for (const cron of SUBSCRIPTION_CRONS.filter((c) => crons.includes(c))) {
      if (cron === "recurring_invoice") result.invoiced = runRecurringInvoicing(env, day);
      else result.closed.push(...(cron === "subscription_expiration" ? runSubscriptionExpiration(env, day) : runPaymentReminder(env, day)));
    }
    days.push(result);
  }
  return days;
}
