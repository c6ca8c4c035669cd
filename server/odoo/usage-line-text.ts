import type { BillingPeriod } from "~/server/billing/billing-period";
import { odooDate } from "./closing-period";

type MetricNames = { name: string; code: string };

/**
 * The first line of a charge's usage line on the Odoo order: stable period after period,
 * so the push finds the line by it and reconciliation reads the metric code from it.
 */
export const usageLineName = (metric: MetricNames) => `${metric.name} usage [${metric.code}]`;

/**
 * The full line text while a period rides on it. Odoo copies a sale line's text onto the
 * invoice line, and the invoice carries quantity 1 × the hub's amount, so this is where
 * the customer sees the units behind the amount. The period's last day is shown inclusive,
 * as Odoo prints periods (the hub's period end is exclusive).
 */
export function usageLineDescription(input: {
  metric: MetricNames;
  period: BillingPeriod;
  usage: { units: string; freeUnitsUsed: string; billableUnits: string };
}): string {
  const { metric, period, usage } = input;
  const lastDay = odooDate(new Date(period.end.getTime() - 1));
  return `${usageLineName(metric)}\n${usage.units} units, ${usage.freeUnitsUsed} included, ${usage.billableUnits} billed (${odooDate(period.start)} to ${lastDay})`;
}
