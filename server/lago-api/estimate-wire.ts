import { z } from "zod";
import type { EventFeeEstimate } from "~/server/usage/estimate-event-fees";
import { lagoPeriod, requiredString } from "./wire-common";

export const estimateFeesSchema = z.object({
  code: requiredString(255),
  external_subscription_id: requiredString(255),
  properties: z.record(z.string(), z.unknown(), { error: "invalid_format" }).default({}),
});

/**
 * The estimate as Lago's fee object (`{fees:[…]}`). Taxes are Odoo's and only known once
 * it invoices: `taxes_amount_cents` is 0 and the total is before tax.
 */
export function serializeEstimate(estimate: EventFeeEstimate) {
  const { subscription, charge } = estimate;
  const period = lagoPeriod(estimate.period);
  const amount = Number(estimate.amountCents);
  return {
    fees: [{
      lago_id: null,
      lago_charge_id: charge.id,
      lago_charge_filter_id: null,
      lago_invoice_id: null,
      lago_true_up_fee_id: null,
      lago_true_up_parent_fee_id: null,
      lago_subscription_id: subscription.id,
      external_subscription_id: subscription.externalId,
      lago_customer_id: subscription.accountLink.id,
      external_customer_id: subscription.accountLink.externalId,
      amount_cents: amount,
      amount_currency: estimate.currency,
      taxes_amount_cents: 0,
      taxes_rate: 0,
      units: estimate.units,
      total_aggregated_units: estimate.units,
      total_amount_cents: amount,
      total_amount_currency: estimate.currency,
      sub_total_excluding_taxes_amount_cents: amount,
      events_count: 1,
      pay_in_advance: false,
      invoiceable: true,
      from_date: period.from,
      to_date: period.to,
      payment_status: "pending",
      created_at: null,
      succeeded_at: null,
      failed_at: null,
      refunded_at: null,
      item: {
        type: "charge", code: charge.billableMetric.code, name: charge.billableMetric.name,
        invoice_display_name: charge.invoiceDisplayName ?? charge.billableMetric.name, filters: null, lago_item_id: charge.billableMetric.id, item_type: "BillableMetric",
      },
      applied_taxes: [],
    }],
  };
}
