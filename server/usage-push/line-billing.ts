import Decimal from "decimal.js";
import type { BillingPeriod } from "~/server/billing/billing-period";
import type { InvoicedServicePeriod } from "~/server/odoo";
import { odooDate } from "~/server/odoo/odoo-date";
import { toMinorUnits } from "~/server/billing/pricing/currency";

/** The last day of a hub period as Odoo writes it (the hub's end is exclusive). */
export const lastOdooDayOf = (period: BillingPeriod) => odooDate(new Date(period.end.getTime() - 1));

/**
 * The posted invoice line that billed sale line `lineId` for a service period holding
 * `day`, if any. A usage line bills the period that just ended, so its period is
 * invoiced once a line covers the period's last day; a prepaid fee bills the period
 * that opens, so the opening day is the one to look for.
 */
export function invoicedOn(invoiced: readonly InvoicedServicePeriod[], lineId: number, day: string): InvoicedServicePeriod | undefined {
  return invoiced.find((line) => line.saleLineIds.includes(lineId) && line.start !== null && line.end !== null && line.start <= day && day <= line.end);
}

/**
 * The fee line's quantities: Odoo bills a postpaid (delivery-policy) fee's qty_delivered
 * and a prepaid (order-policy) one's product_uom_qty; the ordered quantity of a postpaid
 * fee follows, so a line at rest reads zero everywhere.
 */
export type FeeLineTarget = { product_uom_qty: 0 | 1; qty_delivered?: 0 | 1 };

/**
 * What the plan fee's line must hold for Odoo's next invoice. One while the subscription
 * runs. Zero once its final period's fee is invoiced (Odoo would bill it again on the
 * next run otherwise: it never resets a line), and zero while Odoo holds the order
 * closed, so nothing stale is billed if it reopens before the hub has seen it.
 */
export function feeLineTarget(input: {
  payInAdvance: boolean;
  closedByOdoo: boolean;
  /** The last hub period of a subscription the app ended, else null. */
  finalPeriod: BillingPeriod | null;
  feeLineId: number;
  invoiced: readonly InvoicedServicePeriod[];
}): FeeLineTarget {
  const day = input.finalPeriod && (input.payInAdvance ? odooDate(input.finalPeriod.start) : lastOdooDayOf(input.finalPeriod));
  const quantity = input.closedByOdoo || (day && invoicedOn(input.invoiced, input.feeLineId, day)) ? 0 : 1;
  return input.payInAdvance ? { product_uom_qty: quantity } : { product_uom_qty: quantity, qty_delivered: quantity };
}

/** Odoo's invoice line amount in minor units (quantity × unit price, before tax), from its decimal text. */
export const invoicedAmountCents = (line: InvoicedServicePeriod, currency: string): bigint =>
  toMinorUnits(new Decimal(String(line.quantity)).mul(String(line.priceUnit)), currency);
