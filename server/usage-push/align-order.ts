import { billingPeriodAt } from "~/server/billing/billing-period";
import { type OdooClient, paymentGateWarning, setSubscriptionEndDate, writeOrderLines } from "~/server/odoo";
import { usageLineName } from "~/server/odoo/usage-line-text";
import { proratedFeeCents } from "~/server/billing/prorate-fee";
import { dateFromOdoo } from "~/server/odoo/odoo-date";
import { odooEndDateAfter, odooRhythmOf } from "./closing-period";
import { assertOrderCurrency, majorUnits, type SubscriptionForPush } from "./ensure-odoo-subscription";
import { feeLineTarget } from "./line-billing";
import { noteLineWrite, type OrderSnapshot } from "./push-snapshot";

const EPSILON = 1e-9;

/** The order's line for each of the plan's charges' usage, by metric code (absent: not created yet). */
export function usageLineIds(plan: SubscriptionForPush["plan"], entry: OrderSnapshot): Map<string, number> {
  const ids = new Map<string, number>();
  for (const charge of plan.charges) {
    const name = usageLineName(charge.billableMetric);
    const line = [...entry.lines.values()].find((l) => l.productId === charge.odooProductId && l.name.startsWith(name));
    if (line) ids.set(charge.billableMetric.code, line.id);
  }
  return ids;
}

/** Whether the order has the line of its plan's fee (a plan change adds the new plan's). */
export function hasFeeLine(subscription: SubscriptionForPush, entry: OrderSnapshot): boolean {
  const product = subscription.plan.odooProductId;
  return product !== null && [...entry.lines.values()].some((line) => line.productId === product);
}

/**
 * Whether a plan change may hand the fee over to the new plan's line now. The period the
 * change falls in is billed on the new plan, as the hub prices its usage: a prepaid fee
 * bills the period opening on the next invoice, so at once; a fee in arrears bills the
 * period ending then, so only once Odoo has invoiced the periods before the change, which
 * the old plan's line still holds (next_invoice_date past the current period's start).
 */
function feeHandedOver(subscription: SubscriptionForPush, nextInvoiceDate: string | null, now: Date): boolean {
  const { plan } = subscription;
  if (plan.payInAdvance || nextInvoiceDate === null) return true;
  const current = billingPeriodAt({ interval: plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, at: now });
  return dateFromOdoo(nextInvoiceDate) > current.start;
}

/**
 * The fee of the period Odoo's next invoice bills, which the hub writes on the fee line:
 * Odoo never prorates a postpaid line, nor a prepaid one outside a billing_first_day plan,
 * so the hub prices it with Lago's fee for that period (proratedFeeCents) — a partial
 * first calendar period; in arrears, a final one cut by the termination. A fee in arrears
 * bills the period ending on next_invoice_date, a prepaid one the period opening then
 * (an order on the grid boundary opens before the subscription: its first period). On a
 * billing_first_day plan Odoo prorates the prepaid fee itself, from the whole price.
 */
function feeCentsForNextInvoice(subscription: SubscriptionForPush, nextInvoiceDate: string | null): bigint {
  const { plan } = subscription;
  if (nextInvoiceDate === null || odooRhythmOf(plan, subscription.billingTime).firstDay) return plan.amountCents;
  const invoiceAt = dateFromOdoo(nextInvoiceDate);
  const at = plan.payInAdvance
    ? (invoiceAt < subscription.subscriptionAt ? subscription.subscriptionAt : invoiceAt)
    : new Date(invoiceAt.getTime() - 1);
  if (at < subscription.subscriptionAt) return plan.amountCents;
  return proratedFeeCents({
    amountCents: plan.amountCents, interval: plan.interval, billingTime: subscription.billingTime,
    subscriptionAt: subscription.subscriptionAt, terminatedAt: plan.payInAdvance ? null : subscription.terminatedAt, at,
  });
}

/**
 * Brings one order in line with the hub's subscription before the jobs push usage, from
 * the run's snapshot and writing only what differs: the end date of a subscription the
 * app ended, the plan fee's price and quantity (feeLineTarget), and every usage line at
 * zero while Odoo holds the order closed. After a plan change, the fee lines of former
 * plans (`planFeeProducts`: every plan's fee product) go to zero and the new plan's takes
 * over, when feeHandedOver allows; until then both stay as they are. Returns what ops
 * must hear about (the payment gate).
 */
export async function alignOrder(options: {
  odoo: OdooClient; subscription: SubscriptionForPush; entry: OrderSnapshot; planFeeProducts: ReadonlySet<number>; now: Date;
}): Promise<{ warning: string | null }> {
  const { odoo, subscription, entry } = options;
  const { plan } = subscription;
  const { order } = entry;
  assertOrderCurrency(order, plan);
  const closedByOdoo = subscription.odooClosedAt !== null;
  const finalPeriod = subscription.terminatedAt && !closedByOdoo
    ? billingPeriodAt({ interval: plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, at: subscription.terminatedAt })
    : null;
  // A subscription ended in the hub ends in Odoo after the invoice of its final period.
  if (finalPeriod && !order.endDate && order.subscriptionState === "3_progress") {
    const endDate = odooEndDateAfter(finalPeriod);
    await setSubscriptionEndDate(odoo, { orderId: order.id, endDate });
    entry.order = { ...order, endDate };
  }

  // Every line of a charge's product: its usage line, and its late-usage line (adjustLateUsage).
  const chargeProducts = new Set(plan.charges.map((charge) => charge.odooProductId));
  const price = majorUnits(feeCentsForNextInvoice(subscription, order.nextInvoiceDate), plan.amountCurrency);
  const formerFees = [...entry.lines.values()].filter((line) =>
    line.productId !== null && line.productId !== plan.odooProductId && options.planFeeProducts.has(line.productId) && (line.productUomQty !== 0 || line.qtyDelivered !== 0));
  const handedOver = formerFees.length === 0 || feeHandedOver(subscription, order.nextInvoiceDate, options.now);
  for (const line of handedOver ? formerFees : []) {
    await writeOrderLines(odoo, [line.id], { product_uom_qty: 0, qty_delivered: 0 });
    noteLineWrite(entry, line.id, { productUomQty: 0, qtyDelivered: 0 });
  }
  for (const line of entry.lines.values()) {
    if (chargeProducts.has(line.productId)) {
      if (closedByOdoo && line.qtyDelivered !== 0) {
        await writeOrderLines(odoo, [line.id], { qty_delivered: 0 });
        noteLineWrite(entry, line.id, { qtyDelivered: 0 });
      }
      continue;
    }
    if (line.productId !== plan.odooProductId || !handedOver) continue;
    const target = feeLineTarget({ payInAdvance: plan.payInAdvance, closedByOdoo, finalPeriod, feeLineId: line.id, invoiced: entry.invoiced });
    const same = (held: number, wanted: number | undefined) => wanted === undefined || Math.abs(held - wanted) < EPSILON;
    // A plan's fee edited in the hub applies to the next invoices, as in Lago; a partial period's fee is its pro rata share.
    if (same(line.productUomQty, target.product_uom_qty) && same(line.qtyDelivered, target.qty_delivered) && same(line.priceUnit, price)) continue;
    await writeOrderLines(odoo, [line.id], { price_unit: price, ...target });
    noteLineWrite(entry, line.id, { priceUnit: price, productUomQty: target.product_uom_qty, ...(target.qty_delivered === undefined ? {} : { qtyDelivered: target.qty_delivered }) });
  }
  return { warning: order.subscriptionState === "3_progress" ? paymentGateWarning(order) : null };
}
