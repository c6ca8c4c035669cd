import { dateFromOdoo, odooDate } from "~/server/odoo/odoo-date";
import { type BillingPeriod, type BillingTime, billingPeriodAt, type PlanInterval } from "~/server/billing/billing-period";

export const odooPeriodOf = (interval: PlanInterval): { value: number; unit: "week" | "month" | "year" } =>
  ({
    weekly: { value: 1, unit: "week" },
    monthly: { value: 1, unit: "month" },
    quarterly: { value: 3, unit: "month" },
    semiannual: { value: 6, unit: "month" },
    yearly: { value: 1, unit: "year" },
  })[interval] as { value: number; unit: "week" | "month" | "year" };

/**
 * The Odoo plan a subscription's order runs on. Odoo's billing_first_day aligns invoices
 * on the 1st of a month or on January 1st and prorates a prepaid first fee, which is
 * Lago's calendar month and year in advance. It aligns a 3- or 6-month plan on month
 * starts, not on quarters, and ignores weeks. And it never prorates a postpaid line,
 * while it stretches one's period to the following 1st whenever the invoice runs after
 * the period's end (an order created late, a cron a day late: two months billed as one),
 * so a fee in arrears stays on the plain plan, its first period priced by the hub.
 */
export const odooRhythmOf = (plan: { interval: PlanInterval; payInAdvance: boolean }, billingTime: BillingTime) => ({
  ...odooPeriodOf(plan.interval),
  firstDay: plan.payInAdvance && billingTime === "calendar" && (plan.interval === "monthly" || plan.interval === "yearly"),
});

export type ClosingPeriodDecision =
  | { push: true; period: BillingPeriod }
  | { push: false; reason: "not_due" | "nothing_to_bill" | "misaligned" | "already_billed"; detail: string };

/**
 * Which hub billing period Odoo's next invoice will bill, and whether to push it now.
 * Odoo invoices on `next_invoice_date` whatever `qty_delivered` holds, so the period
 * to push is the one that ends on that date, once it is within the lead window.
 */
export function decideClosingPeriod(input: {
  interval: PlanInterval;
  billingTime: BillingTime;
  subscriptionAt: Date;
  terminatedAt: Date | null;
  nextInvoiceDate: string;
  now: Date;
  leadHours: number;
}): ClosingPeriodDecision {
  const invoiceAt = dateFromOdoo(input.nextInvoiceDate);
  if (invoiceAt.getTime() - input.now.getTime() > input.leadHours * 3_600_000) {
    return { push: false, reason: "not_due", detail: `next invoice ${input.nextInvoiceDate} is beyond the lead window` };
  }
  const lastInstant = new Date(invoiceAt.getTime() - 1);
  if (lastInstant < input.subscriptionAt) {
    return { push: false, reason: "nothing_to_bill", detail: "Odoo's next invoice opens the subscription: no usage period has closed" };
  }
  const period = billingPeriodAt({ interval: input.interval, billingTime: input.billingTime, subscriptionAt: input.subscriptionAt, at: lastInstant });
  if (period.end.getTime() !== invoiceAt.getTime()) {
    return {
      push: false,
      reason: "misaligned",
      detail: `Odoo invoices on ${input.nextInvoiceDate} but the hub period ends ${period.end.toISOString()}; align the order's next invoice date`,
    };
  }
  if (input.terminatedAt && input.terminatedAt <= period.start) {
    return { push: false, reason: "already_billed", detail: "the subscription ended before this period" };
  }
  return { push: true, period };
}

const DAY_MS = 86_400_000;
const FINAL_INVOICE_GRACE_DAYS = 7;

/**
 * The Odoo `end_date` of a subscription whose last hub period is `finalPeriod`.
 * Odoo's recurring-invoice cron closes an order whose end_date has come (`end_date <=
 * today`, `_subscription_auto_close`) BEFORE invoicing it, so an end_date on the final
 * invoice date would close the order without billing its last period. The end date is
 * therefore a few days later — room for a cron run that comes late — yet before the
 * invoice date after it, so no further period is ever billed.
 */
export function odooEndDateAfter(finalPeriod: BillingPeriod): string {
  const periodDays = Math.round((finalPeriod.end.getTime() - finalPeriod.start.getTime()) / DAY_MS);
  const graceDays = Math.max(1, Math.min(FINAL_INVOICE_GRACE_DAYS, periodDays - 1));
  return odooDate(new Date(finalPeriod.end.getTime() + graceDays * DAY_MS));
}
