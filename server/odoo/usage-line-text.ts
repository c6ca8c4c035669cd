import type { BillingPeriod } from "~/server/billing/billing-period";
import { odooDate } from "./odoo-date";

/**
 * The text of a charge's usage line on an Odoo subscription order, written by the usage
 * push and read back by reconciliation. Its first line names the charge and stays the same
 * period after period (`<metric name> usage [<metric code>]`), so the push finds the line by
 * it and reconciliation reads the metric code from it; later lines carry the period's units.
 */
type MetricNames = { name: string; code: string };

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

const CODE_AT_END = /\[([^\]\s]+)\]\s*$/;

/** The metric code a usage line's text names (the `[code]` ending its first line), if any. */
export const metricCodeOfUsageLine = (text: string): string | undefined => CODE_AT_END.exec(text.split("\n", 1)[0]!)?.[1];

const PERIOD_AT_END = /\((\d{4}-\d{2}-\d{2}) to \d{4}-\d{2}-\d{2}\)\s*$/;

/** The first day of the period a usage line's text carries (usageLineDescription), or undefined when it carries none. */
export const periodStartOfUsageLine = (text: string): string | undefined => PERIOD_AT_END.exec(text)?.[1];
