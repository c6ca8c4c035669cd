import type { AccountLink } from "~/generated/prisma/client";
import type { InvoiceForWire } from "./invoice-view";
import type { OdooInvoice, OdooTax } from "~/server/odoo";
import { metricCodeOfUsageLine, usagePeriodOfLine } from "~/server/odoo/usage-line-text";
import type { SubscriptionWithPlanCharges } from "~/server/subscriptions/subscription-input";

/** Units the hub priced, keyed by usageUnitsKey: what a usage fee shows (its Odoo line reads 1 × amount). */
export type UsageUnits = ReadonlyMap<string, string>;
export const usageUnitsKey = (saleLineId: number, metricCode: string, firstDay: string) => `${saleLineId}:${metricCode}:${firstDay}`;

/**
 * Joins an Odoo invoice with the hub's side: each line's subscription (through its sale
 * line's order), and for a usage line its metric, period and priced units. Pure: the
 * reads happen in describeInvoices and in the webhook recorder.
 */
export function assembleInvoice(input: {
  invoice: OdooInvoice;
  customer: AccountLink;
  /** The subscriptions the invoice bills that the reader may see. */
  subscriptions: SubscriptionWithPlanCharges[];
  orderOfSaleLine: ReadonlyMap<number, number>;
  usageUnits: UsageUnits;
  taxes: readonly OdooTax[];
}): InvoiceForWire {
  const { invoice, subscriptions, orderOfSaleLine, usageUnits } = input;
  const taxes = new Map(input.taxes.map((tax) => [tax.id, tax]));
  const lines = invoice.lines.map((line) => {
    const orderId = line.saleLineIds.map((id) => orderOfSaleLine.get(id)).find((id) => id !== undefined);
    const subscription = orderId === undefined ? null : (subscriptions.find((s) => s.odooOrderId === orderId) ?? null);
    const metricCode = line.name ? metricCodeOfUsageLine(line.name) : undefined;
    const period = line.name ? usagePeriodOfLine(line.name) : undefined;
    const units = metricCode && period
      ? line.saleLineIds.map((id) => usageUnits.get(usageUnitsKey(id, metricCode, period.firstDay))).find((u) => u !== undefined) ?? null
      : null;
    return {
      line,
      taxes: line.taxIds.flatMap((id) => taxes.get(id) ?? []),
      subscription,
      usage: metricCode ? { metricCode, firstDay: period?.firstDay ?? null, lastDay: period?.lastDay ?? null, units } : null,
    };
  });
  return { invoice, lines, customer: input.customer, subscriptions };
}
