import { type BillingPeriod, type BillingTime, billingPeriodAt, type PlanInterval } from "~/server/billing/billing-period";

/**
 * The subscription's billing periods that START inside [from, to) — the same rule the Lago
 * side uses on a fee's from_date — so a window aligned on billing periods compares whole
 * periods and a straddling period belongs to exactly one window. Nothing after the
 * subscription ended.
 */
export function listPeriodsInWindow(options: {
  interval: PlanInterval;
  billingTime: BillingTime;
  subscriptionAt: Date;
  terminatedAt: Date | null;
  from: Date;
  to: Date;
}): BillingPeriod[] {
  const { from, to, terminatedAt } = options;
  const periods: BillingPeriod[] = [];
  let cursor = options.subscriptionAt > from ? options.subscriptionAt : from;
  while (cursor < to && (terminatedAt === null || cursor < terminatedAt)) {
    const period = billingPeriodAt({ ...options, at: cursor });
    if (period.start >= from) periods.push(period);
    cursor = period.end;
  }
  return periods;
}
