/**
 * sale_subscription's invoicing periods (Enterprise 19.0), read from its code:
 * `sale.order.line._get_invoice_line_parameters`, `_compute_last_invoiced_date`,
 * `account.move.line._get_max_invoiced_date`, `sale.order._update_next_invoice_date`,
 * `_compute_last_invoice_date`, `sale.subscription.plan._compute_billing_period_display`.
 */
import { addDays, addPeriod, type PeriodUnit } from "../dates";
import { getRecord, table } from "../records";
import type { Env, RawRecord } from "./types";

export interface BillingPeriod {
  value: number;
  unit: PeriodUnit;
}

export function billingPeriodOf(env: Env, order: RawRecord): BillingPeriod {
  const plan = order.plan_id ? getRecord(env, "sale.subscription.plan", order.plan_id as number) : undefined;
  return { value: Number(plan?.billing_period_value) || 1, unit: (plan?.billing_period_unit as PeriodUnit) ?? "month" };
}

/** billing_period_display: "1 Month", "3 Months", "1 Week", "2 Years". */
export function billingPeriodDisplay({ value, unit }: BillingPeriod): string {
  const label = { week: "Week", month: "Month", year: "Year" }[unit];
  return value > 1 ? `${value} ${label}s` : `1 ${label}`;
}

export const productOf = (env: Env, line: RawRecord) => (line.product_id ? getRecord(env, "product.product", line.product_id as number) : undefined);
/** `_is_postpaid_line`: a delivery-policy product is billed after its period. */
export const isPostpaidLine = (env: Env, line: RawRecord) => productOf(env, line)?.invoice_policy === "delivery";
export const isRecurringLine = (env: Env, line: RawRecord) => productOf(env, line)?.recurring_invoice === true;
/** product.template `_compute_allow_prorated_price`: a recurring service billed in advance. */
export function allowsProratedPrice(env: Env, line: RawRecord): boolean {
  const product = productOf(env, line);
  return Boolean(product?.recurring_invoice) && product?.type === "service" && product?.invoice_policy !== "delivery";
}

export const linesOfOrder = (env: Env, orderId: number) =>
  [...table(env, "sale.order.line").values()].filter((line) => line.order_id === orderId).sort((a, b) => a.id - b.id);

/**
 * `_get_max_invoiced_date`: the latest service end date of posted invoice lines whose net
 * quantity (credit notes negative) on that end date is positive.
 */
export function maxInvoicedDate(env: Env, invoiceLines: RawRecord[]): string | null {
  const quantityByEnd = new Map<string, number>();
  for (const aml of invoiceLines) {
    const move = getRecord(env, "account.move", aml.move_id as number);
    if (!move || move.state !== "posted" || !aml.deferred_end_date) continue;
    const end = String(aml.deferred_end_date);
    const sign = move.move_type === "out_invoice" ? 1 : -1;
    quantityByEnd.set(end, (quantityByEnd.get(end) ?? 0) + sign * (Number(aml.quantity) || 0));
  }
  const dates = [...quantityByEnd].filter(([, quantity]) => quantity > 0).map(([end]) => end).sort();
  return dates.at(-1) ?? null;
}

const invoiceLinesWhere = (env: Env, keep: (aml: RawRecord) => boolean) => {
  const out: RawRecord[] = [];
  for (const aml of table(env, "account.move.line").values()) {
    const move = getRecord(env, "account.move", aml.move_id as number);
    if (move && ["out_invoice", "out_refund"].includes(String(move.move_type)) && keep(aml)) out.push(aml);
  }
  return out;
};

/** Invoice lines of a subscription (`account.move.line.subscription_id`). */
export const subscriptionInvoiceLines = (env: Env, orderId: number) => invoiceLinesWhere(env, (aml) => aml.subscription_id === orderId);

/** `sale.order.line.last_invoiced_date`: the end of the latest period billed for this line, else the order's. */
export function lastInvoicedDate(env: Env, line: RawRecord): string | null {
  const own = invoiceLinesWhere(env, (aml) => ((aml.sale_line_ids as number[]) ?? []).includes(line.id));
  if (!own.some((aml) => aml.deferred_end_date && getRecord(env, "account.move", aml.move_id as number)?.state === "posted")) return null;
  return maxInvoicedDate(env, own) ?? maxInvoicedDate(env, subscriptionInvoiceLines(env, line.order_id as number));
}

/** `sale.order.last_invoice_date`: one period before next_invoice_date, when not before the start. */
export function orderLastInvoiceDate(env: Env, order: RawRecord, today: string): string | null {
  if (order.state !== "sale" || !order.next_invoice_date) return null;
  const { value, unit } = billingPeriodOf(env, order);
  const last = addPeriod(String(order.next_invoice_date), -value, unit);
  return last >= String(order.start_date || today) ? last : null;
}

export interface LinePeriod {
  start: string;
  /** Inclusive last day. */
  end: string;
  /** Share of the price billed (billing_first_day's prorated first period), 1 otherwise. */
  ratio: number;
  days: number | null;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * `_get_invoice_line_parameters`: the period the next invoice bills this line for —
 * a postpaid line the period after its last billed one (else from the order's last invoice
 * date, else its start), stopped at end_date; a prepaid line (or any line when the cron
 * forces it) the period starting at next_invoice_date. billing_first_day stops the period
 * at the next 1st of the month (or January 1st) and prorates prepaid prices.
 */
export function invoiceLinePeriod(env: Env, line: RawRecord, today: string, forcePostpaidNext = false): LinePeriod {
  const order = getRecord(env, "sale.order", line.order_id as number)!;
  const { value, unit } = billingPeriodOf(env, order);
  const startDate = String(order.start_date || today);
  let start: string;
  let stop: string;
  if (isPostpaidLine(env, line) && !forcePostpaidNext) {
    const last = lastInvoicedDate(env, line);
    start = last ? addDays(last, 1) : orderLastInvoiceDate(env, order, today) ?? startDate;
    const theoretical = addPeriod(start, value, unit);
    stop = order.end_date && String(order.end_date) < theoretical ? String(order.end_date) : theoretical;
  } else {
    start = order.next_invoice_date ? String(order.next_invoice_date) : startDate;
    stop = addPeriod(start, value, unit);
  }
  const plan = order.plan_id ? getRecord(env, "sale.subscription.plan", order.plan_id as number) : undefined;
  if (!plan?.billing_first_day || unit === "week") return { start, end: addDays(stop, -1), ratio: 1, days: null };
  const reference = stop >= today ? stop : addPeriod(stop, 1, unit);
  const firstDay = unit === "month" ? `${reference.slice(0, 7)}-01` : `${reference.slice(0, 4)}-01-01`;
  const days = daysBetween(start, firstDay);
  const ratio = allowsProratedPrice(env, line) ? days / daysBetween(start, stop) : 1;
  return { start, end: addDays(firstDay, -1), ratio, days };
}

/** `_is_all_postpaid`: every recurring line is billed after its period. */
export function allRecurringPostpaid(env: Env, orderId: number): boolean {
  return linesOfOrder(env, orderId).filter((line) => isRecurringLine(env, line)).every((line) => isPostpaidLine(env, line));
}

/** `_update_next_invoice_date`: the day after the period the next invoice would bill. */
export function updateNextInvoiceDate(env: Env, order: RawRecord, today: string, forcePostpaidNext = false): void {
  const dates = linesOfOrder(env, order.id).map((line) => addDays(invoiceLinePeriod(env, line, today, forcePostpaidNext).end, 1)).sort();
  if (dates.length) order.next_invoice_date = dates[0];
  order.last_reminder_date = false;
}
