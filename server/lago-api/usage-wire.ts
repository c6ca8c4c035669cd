import type { PeriodUsage } from "~/server/usage/compute-period-usage";
import type { CurrentUsageCharge } from "~/server/usage/get-current-usage";
import { centsToNumber, isoDay, lagoPeriod } from "./wire-common";

/** Lago's customer_usage; `free_units_used` and `billable_units` are the hub's additions. */
export function serializeCustomerUsage(usage: PeriodUsage<CurrentUsageCharge>) {
  const period = lagoPeriod(usage.period);
  return {
    from_datetime: period.from,
    to_datetime: period.to,
    // Lago issues the period's invoice on the day after its last second.
    issuing_date: isoDay(usage.period.end),
    lago_invoice_id: null,
    currency: usage.currency,
    amount_cents: centsToNumber(usage.amountCents),
    taxes_amount_cents: 0,
    total_amount_cents: centsToNumber(usage.amountCents),
    charges_usage: usage.charges.map((entry) => ({
      units: entry.units,
      total_aggregated_units: entry.units,
      events_count: entry.eventsCount,
      amount_cents: centsToNumber(entry.amountCents),
      amount_currency: usage.currency,
      free_units_used: entry.freeUnitsUsed,
      billable_units: entry.billableUnits,
      pricing_unit_details: null,
      charge: {
        lago_id: entry.charge.id,
        charge_model: entry.charge.chargeModel,
        invoice_display_name: entry.charge.invoiceDisplayName,
      },
      billable_metric: {
        lago_id: entry.charge.billableMetric.id,
        name: entry.charge.billableMetric.name,
        code: entry.charge.billableMetric.code,
        aggregation_type: entry.charge.billableMetric.aggregationType,
      },
      filters: [],
      grouped_usage: [],
    })),
  };
}
