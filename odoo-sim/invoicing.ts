/**
 * Simulation of sale_subscription's recurring invoice cron
 * (`sale.order._create_recurring_invoice`, cron
 * `sale_subscription.account_analytic_cron_for_invoice`) — *inferred* behaviour, see
 * /work/shared/reference/odoo19.md:
 *  - orders with subscription_state '3_progress' and next_invoice_date <= today or
 *    end_date <= today (`_recurring_invoice_domain`); an order whose end_date has come is
 *    closed ('6_churn') first and NOT invoiced (`_subscription_auto_close`);
 *  - one posted out_invoice per order and run (a late order catches up one period per run);
 *  - only recurring products' lines are billed (`_is_subscription_line_to_invoice`);
 *  - delivery-policy lines take the line's WHOLE qty_delivered (not delivered − invoiced),
 *    and qty_delivered is NOT reset afterwards; order-policy lines take product_uom_qty;
 *  - each invoice line's text is the order line's plus "\n<plan period> <start> to <stop>"
 *    and its deferred dates are that period (sale_subscription
 *    `sale.order.line._prepare_invoice_line` / `_get_invoice_line_parameters`): prepaid
 *    (order-policy) lines the period starting at next_invoice_date, postpaid
 *    (delivery-policy) lines the period after the line's last invoiced one, else from
 *    the order's `last_invoice_date` (next_invoice_date − one period, when not before
 *    start_date), else from its start date, stopping at end_date if that comes first; the plan period reads as `billing_period_display`
 *    ("<value> <unit label>"), dates as format_date in en_US (MM/DD/YYYY);
 *  - zero-quantity lines are left out; an order with nothing to bill gets no invoice but
 *    its next_invoice_date still moves on;
 *  - next_invoice_date advances one plan period (relativedelta).
 */
import { addDays, addPeriod, type PeriodUnit } from "./dates";
import { postMove } from "./models/account-move";
import { createRecords } from "./orm";
import { children, fieldValue, getRecord, table } from "./records";
import type { RawRecord } from "./models/types";
import type { Env } from "./models/types";

export interface InvoicedOrder {
  order_id: number;
  move_id: number | null;
  period_start: string;
  period_end: string;
  next_invoice_date: string;
  amount_total: number;
}

// The selection labels of billing_period_unit (sale.subscription.plan), which
// `_compute_billing_period_display` prints after the value.
const UNIT_LABELS: Record<PeriodUnit, string> = { week: "Weeks", month: "Months", year: "Years" };

const formatDateEnUs = (day: string) => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`;

/** The end of the latest period this order line was billed for on a posted invoice (`last_invoiced_date`). */
function lastInvoicedDate(env: Env, line: RawRecord): string | null {
  let latest: string | null = null;
  for (const invoiceLine of table(env, "account.move.line").values()) {
    if (!((invoiceLine.sale_line_ids as number[]) ?? []).includes(line.id)) continue;
    const move = getRecord(env, "account.move", invoiceLine.move_id as number);
    const end = invoiceLine.deferred_end_date ? String(invoiceLine.deferred_end_date) : null;
    if (move?.state === "posted" && end && (latest === null || end > latest)) latest = end;
  }
  return latest;
}

export function runRecurringInvoicing(env: Env, today: string): InvoicedOrder[] {
  env.today = today;
  const due = [...table(env, "sale.order").values()]
    .filter((o) => o.subscription_state === "3_progress" && o.plan_id && o.next_invoice_date)
    .filter((o) => String(o.next_invoice_date) <= today || (o.end_date && String(o.end_date) <= today))
    .sort((a, b) => a.id - b.id);
  const out: InvoicedOrder[] = [];
  for (const order of due) {
    if (order.end_date && String(order.end_date) <= today) {
      order.subscription_state = "6_churn";
      continue;
    }
    const plan = getRecord(env, "sale.subscription.plan", order.plan_id as number)!;
    const periodValue = Number(plan.billing_period_value) || 1;
    const periodUnit = plan.billing_period_unit as PeriodUnit;
    const periodDisplay = `${periodValue} ${UNIT_LABELS[periodUnit]}`;
    const start = String(order.next_invoice_date);
    const next = addPeriod(start, periodValue, periodUnit);
    const previous = addPeriod(start, -periodValue, periodUnit);
    const orderLastInvoiceDate = order.start_date && previous >= String(order.start_date) ? previous : null;
    const lineVals = children(env, "sale.order", "order_line", order).flatMap((line) => {
      const product = line.product_id ? getRecord(env, "product.product", line.product_id as number) : undefined;
      if (!product?.recurring_invoice) return [];
      const postpaid = product.invoice_policy === "delivery";
      const qty = postpaid ? Number(line.qty_delivered) || 0 : Number(line.product_uom_qty) || 0;
      if (qty === 0) return [];
      const lastInvoiced = postpaid ? lastInvoicedDate(env, line) : null;
      const lineStart = postpaid ? (lastInvoiced ? addDays(lastInvoiced, 1) : orderLastInvoiceDate ?? String(order.start_date || start)) : start;
      const theoreticalStop = addPeriod(lineStart, periodValue, periodUnit);
      const lineStop = addDays(postpaid && order.end_date && String(order.end_date) < theoreticalStop ? String(order.end_date) : theoreticalStop, -1);
      return [[0, 0, {
        product_id: line.product_id,
        name: `${line.name}\n${periodDisplay} ${formatDateEnUs(lineStart)} to ${formatDateEnUs(lineStop)}`,
        quantity: qty,
        price_unit: line.price_unit,
        tax_ids: [[6, 0, (line.tax_ids as number[]) ?? []]],
        sale_line_ids: [[6, 0, [line.id]]],
        deferred_start_date: lineStart,
        deferred_end_date: lineStop,
      }]];
    });
    let moveId: number | null = null;
    let amount = 0;
    if (lineVals.length) {
      [moveId] = createRecords(env, "account.move", [{
        move_type: "out_invoice",
        partner_id: order.partner_id,
        invoice_origin: order.name,
        invoice_date: today,
        invoice_date_due: today,
        currency_id: fieldValue(env, "sale.order", order, "currency_id"),
        invoice_line_ids: lineVals,
      }]) as [number];
      const move = getRecord(env, "account.move", moveId)!;
      postMove(env, move);
      amount = Number(fieldValue(env, "account.move", move, "amount_total"));
    }
    order.next_invoice_date = next;
    out.push({ order_id: order.id, move_id: moveId, period_start: start, period_end: addDays(next, -1), next_invoice_date: next, amount_total: amount });
  }
  return out;
}
