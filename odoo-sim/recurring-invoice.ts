/**
 * sale_subscription's recurring invoice cron (`sale.order._create_recurring_invoice`,
 * Enterprise 19.0, cron `account_analytic_cron_for_invoice`) for one day:
 *  - orders in progress whose next_invoice_date or end_date has come
 *    (`_recurring_invoice_domain`), minus those the payment gate holds back
 *    (`_get_subscriptions_to_invoice`: online payment required, no payment token, and a
 *    full prepayment or an earlier invoice — unless the invoice would be free);
 *  - an order whose end_date has come is closed, not invoiced (`_subscription_auto_close`);
 *  - an order with a draft invoice is skipped (with a token the drafts are cancelled);
 *  - recurring lines due (`_is_subscription_line_to_invoice`): prepaid ones for
 *    product_uom_qty, postpaid ones for their WHOLE qty_delivered, which Odoo never resets
 *    (`_reset_subscription_quantity_post_invoice` does nothing); other lines for what
 *    they have left to invoice;
 *  - nothing to bill (or free): next_invoice_date still moves one period on;
 *  - otherwise one invoice, posted (paid at once when a token pays it), and posting sets
 *    next_invoice_date (models/subscription-lifecycle.ts afterInvoicePosted).
 */
import { postMove } from "./models/account-move";
import { invoiceLineName, registerPayment } from "./models/invoicing-wizards";
import { setClose, subscriptionDrafts } from "./models/subscription-lifecycle";
import {
  billingPeriodDisplay, billingPeriodOf, invoiceLinePeriod, isPostpaidLine, isRecurringLine, linesOfOrder, subscriptionInvoiceLines,
  updateNextInvoiceDate,
} from "./models/subscription-periods";
import { currencyRounding, linePrices } from "./models/tax";
import { createRecords } from "./orm";
import { fieldValue, getRecord, table } from "./records";
import type { Env, RawRecord } from "./models/types";

export interface InvoicedOrder {
  order_id: number;
  move_id: number | null;
  /** The earliest and latest service day on the invoice (null without one). */
  period_start: string | null;
  period_end: string | null;
  next_invoice_date: string;
  amount_total: number;
}

const formatDateEnUs = (day: string) => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`;
const num = (v: unknown) => (typeof v === "number" ? v : 0);

/** `_get_subscriptions_to_invoice`: whether the payment gate lets the cron invoice this order. */
function passesPaymentGate(env: Env, order: RawRecord, invoiceable: RawRecord[]): boolean {
  if (order.payment_token_id || !order.require_payment) return true;
  const invoiced = subscriptionInvoiceLines(env, order.id).some((aml) => ["draft", "posted"].includes(String(getRecord(env, "account.move", aml.move_id as number)?.state)));
  if (!invoiced && Number(order.prepayment_percent) !== 1) return true;
  return isFree(env, order, invoiceable);
}

/** `_is_subscription_line_to_invoice` with the cron's context, plus the non-recurring lines with something left to invoice. */
function invoiceableLines(env: Env, order: RawRecord, today: string): RawRecord[] {
  const due = order.next_invoice_date && String(order.next_invoice_date) <= today && order.start_date && String(order.start_date) <= today;
  return linesOfOrder(env, order.id).filter((line) => {
    if (!isRecurringLine(env, line)) return num(fieldValue(env, "sale.order.line", line, "qty_to_invoice")) !== 0;
    if (!due) return false;
    return isPostpaidLine(env, line) ? num(line.qty_delivered) !== 0 : num(line.product_uom_qty) !== 0;
  });
}

/** `_invoice_is_considered_free`: nothing positive to bill and no delivered usage. */
function isFree(env: Env, order: RawRecord, lines: RawRecord[]): boolean {
  const rounding = currencyRounding(env, fieldValue(env, "sale.order", order, "currency_id"));
  const total = (rows: RawRecord[]) => rows.reduce((sum, line) => sum + num(fieldValue(env, "sale.order.line", line, "price_total")), 0);
  const delivered = lines.some((line) => isRecurringLine(env, line) && isPostpaidLine(env, line) && num(line.qty_delivered));
  const nonRecurring = lines.some((line) => !isRecurringLine(env, line));
  const recurringTotal = linesOfOrder(env, order.id).filter((line) => isRecurringLine(env, line))
    .reduce((sum, line) => sum + num(fieldValue(env, "sale.order.line", line, "price_subtotal")), 0);
  if (total(lines) < rounding / 2 && !delivered) return true;
  return recurringTotal < rounding / 2 && !nonRecurring && !delivered;
}

/**
 * `sale.order.line._prepare_invoice_line` for the cron: Community's line (the product's name
 * first unless the text has it), and on recurring lines their service period in text and dates.
 */
function invoiceLineVals(env: Env, order: RawRecord, line: RawRecord, today: string) {
  const common = { product_id: line.product_id, price_unit: line.price_unit, tax_ids: [[6, 0, (line.tax_ids as number[]) ?? []]], sale_line_ids: [[6, 0, [line.id]]], subscription_id: order.id };
  if (!isRecurringLine(env, line))
    return { ...common, name: invoiceLineName(env, line), quantity: fieldValue(env, "sale.order.line", line, "qty_to_invoice") };
  const period = invoiceLinePeriod(env, line, today);
  const duration = period.ratio !== 1 ? `${period.days} days` : billingPeriodDisplay(billingPeriodOf(env, order));
  return {
    ...common,
    name: `${invoiceLineName(env, line)}\n${duration} ${formatDateEnUs(period.start)} to ${formatDateEnUs(period.end)}`,
    quantity: isPostpaidLine(env, line) ? num(line.qty_delivered) : num(line.product_uom_qty),
    price_unit: num(line.price_unit) * period.ratio,
    deferred_start_date: period.start,
    deferred_end_date: period.end,
  };
}

function invoiceOrder(env: Env, order: RawRecord, lines: RawRecord[], today: string): RawRecord {
  const [moveId] = createRecords(env, "account.move", [{
    move_type: "out_invoice", partner_id: order.partner_id, invoice_origin: order.name,
    // sale_order.py _prepare_invoice: the order's terms and delivery address, not the customer's current ones.
    invoice_payment_term_id: order.payment_term_id ?? false,
    partner_shipping_id: order.partner_shipping_id ?? false,
    currency_id: fieldValue(env, "sale.order", order, "currency_id"),
    invoice_line_ids: lines.map((line) => [0, 0, invoiceLineVals(env, order, line, today)]),
  }]);
  const move = getRecord(env, "account.move", moveId!)!;
  postMove(env, move);
  // A saved card pays the invoice on the spot (`_handle_automatic_invoices` → `_do_payment`, an authorized transaction).
  if (order.payment_token_id) registerPayment(env, move, num(fieldValue(env, "account.move", move, "amount_residual")), today);
  return move;
}

export function runRecurringInvoicing(env: Env, today: string): InvoicedOrder[] {
  env.today = today;
  const due = [...table(env, "sale.order").values()]
    .filter((o) => o.plan_id && o.state === "sale" && o.subscription_state === "3_progress")
    .filter((o) => (o.next_invoice_date && String(o.next_invoice_date) <= today) || (o.end_date && String(o.end_date) <= today))
    .sort((a, b) => a.id - b.id)
    .filter((o) => passesPaymentGate(env, o, invoiceableLines(env, o, today)));
  const out: InvoicedOrder[] = [];
  for (const order of due) {
    if (order.end_date && String(order.end_date) <= today) {
      setClose(env, order);
      continue;
    }
    const drafts = subscriptionDrafts(env, order);
    if (drafts.length && !order.payment_token_id) continue;
    for (const draft of drafts) draft.state = "cancel";
    const lines = invoiceableLines(env, order, today);
    if (!lines.length || isFree(env, order, lines)) {
      if (order.next_invoice_date && String(order.next_invoice_date) <= today) updateNextInvoiceDate(env, order, today, true);
      out.push({ order_id: order.id, move_id: null, period_start: null, period_end: null, next_invoice_date: String(order.next_invoice_date), amount_total: 0 });
      continue;
    }
    const move = invoiceOrder(env, order, lines, today);
    const periods = [...table(env, "account.move.line").values()].filter((aml) => aml.move_id === move.id && aml.deferred_start_date);
    out.push({
      order_id: order.id, move_id: move.id,
      period_start: periods.map((aml) => String(aml.deferred_start_date)).sort()[0] ?? null,
      period_end: periods.map((aml) => String(aml.deferred_end_date)).sort().at(-1) ?? null,
      next_invoice_date: String(order.next_invoice_date), amount_total: Number(fieldValue(env, "account.move", move, "amount_total")),
    });
  }
  return out;
}
