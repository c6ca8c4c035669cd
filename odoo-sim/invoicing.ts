/**
 * Simulation of sale_subscription's recurring invoice cron
 * (`sale.order._create_recurring_invoice`, cron
 * `sale_subscription.account_analytic_cron_for_invoice`) — *inferred* behaviour, see
 * /work/shared/reference/odoo19.md:
 *  - orders with subscription_state '3_progress' and next_invoice_date <= today;
 *  - one posted out_invoice per order and run (a late order catches up one period per run);
 *  - delivery-policy lines take the line's WHOLE qty_delivered (not delivered − invoiced),
 *    and qty_delivered is NOT reset afterwards; order-policy lines take product_uom_qty;
 *  - zero-quantity lines are left out; an order with nothing to bill gets no invoice but
 *    its next_invoice_date still moves on;
 *  - next_invoice_date advances one plan period (relativedelta); if that passes end_date
 *    the subscription is closed ('6_churn').
 */
import { addDays, addPeriod, type PeriodUnit } from "./dates";
import { postMove } from "./models/account-move";
import { createRecords } from "./orm";
import { children, getRecord, table } from "./records";
import type { Env } from "./models/types";

export interface InvoicedOrder {
  order_id: number;
  move_id: number | null;
  period_start: string;
  period_end: string;
  next_invoice_date: string;
  amount_total: number;
}

export function runRecurringInvoicing(env: Env, today: string): InvoicedOrder[] {
  env.today = today;
  const due = [...table(env, "sale.order").values()]
    .filter((o) => o.subscription_state === "3_progress" && o.plan_id && o.next_invoice_date && String(o.next_invoice_date) <= today)
    .sort((a, b) => a.id - b.id);
  const out: InvoicedOrder[] = [];
  for (const order of due) {
    const plan = getRecord(env, "sale.subscription.plan", order.plan_id as number)!;
    const start = String(order.next_invoice_date);
    const next = addPeriod(start, Number(plan.billing_period_value) || 1, plan.billing_period_unit as PeriodUnit);
    const periodEnd = addDays(next, -1);
    const lineVals = children(env, "sale.order", "order_line", order).flatMap((line) => {
      const product = line.product_id ? getRecord(env, "product.product", line.product_id as number) : undefined;
      const qty = product?.invoice_policy === "delivery" ? Number(line.qty_delivered) || 0 : Number(line.product_uom_qty) || 0;
      if (qty === 0) return [];
      return [[0, 0, {
        product_id: line.product_id || false,
        name: line.name,
        quantity: qty,
        price_unit: line.price_unit,
        sale_line_ids: [[6, 0, [line.id]]],
        deferred_start_date: start,
        deferred_end_date: periodEnd,
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
        currency_id: order.currency_id,
        invoice_line_ids: lineVals,
      }]) as [number];
      const move = getRecord(env, "account.move", moveId)!;
      postMove(env, move);
      amount = children(env, "account.move", "invoice_line_ids", move).reduce(
        (s, l) => s + Number(l.quantity) * Number(l.price_unit), 0);
    }
    order.next_invoice_date = next;
    if (order.end_date && next > String(order.end_date)) order.subscription_state = "6_churn";
    out.push({ order_id: order.id, move_id: moveId, period_start: start, period_end: periodEnd, next_invoice_date: next, amount_total: amount });
  }
  return out;
}
