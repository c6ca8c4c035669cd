import type { BillingPeriod } from "~/server/billing/billing-period";
import { formatMinorUnits } from "~/server/billing/pricing/currency";
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

const PERIOD_AT_END = /\((\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})\)\s*$/;

/**
 * The period a usage line's text names (its first and last day, inclusive, as written by
 * usageLineDescription), read back from the sale line's or the invoice line's text. Odoo
 * may append its own lines after ours, so the period is searched for on every line.
 */
export function usagePeriodOfLine(text: string): { firstDay: string; lastDay: string } | undefined {
  for (const line of text.split("\n").slice(1)) {
    const match = PERIOD_AT_END.exec(line);
    if (match) return { firstDay: match[1]!, lastDay: match[2]! };
  }
  return undefined;
}

/** The first day of the period a usage line's text carries (usageLineDescription), or undefined when it carries none. */
export const periodStartOfUsageLine = (text: string): string | undefined => PERIOD_AT_END.exec(text)?.[1];

const PERIOD_IN_TEXT = /\((\d{4}-\d{2}-\d{2}) to \d{4}-\d{2}-\d{2}\)/;

/** The first day of the first period named anywhere in a text (an invoice line adds Odoo's own period after the hub's). */
export const periodStartInText = (text: string): string | undefined => PERIOD_IN_TEXT.exec(text)?.[1];

/** The first line of a charge's late-usage line: usage that arrived after its period was invoiced. */
export const lateUsageLineName = (metric: MetricNames) => `${metric.name} late usage [${metric.code}]`;

/**
 * The late-usage line's text while a recount rides on it: the period it belongs to, the
 * recounted units and what was invoiced before, so the customer sees why the line is there.
 */
export function lateUsageLineDescription(input: {
  metric: MetricNames;
  period: BillingPeriod;
  units: string;
  billedCents: bigint;
  deltaCents: bigint;
  currency: string;
}): string {
  const { metric, period, currency } = input;
  const lastDay = odooDate(new Date(period.end.getTime() - 1));
  const sign = input.deltaCents > 0n ? "+" : "";
  return `${lateUsageLineName(metric)}\nAdjustment for events received after invoicing: ${input.units} units in all, ` +
    `${formatMinorUnits(input.billedCents, currency)} ${currency} invoiced before, ${sign}${formatMinorUnits(input.deltaCents, currency)} ${currency} now (${odooDate(period.start)} to ${lastDay})`;
}
