import type { BillingTime, PlanInterval } from "~/generated/prisma/client";
import { gridPeriodAt } from "~/server/billing/billing-period";

export interface SubscriptionAtCutover {
  externalId: string;
  interval: PlanInterval;
  billingTime: BillingTime;
  subscriptionAt: Date;
}

/** The default handover: the next start of a UTC calendar month, where every calendar plan's period turns. */
export function nextMonthBoundary(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/**
 * The subscriptions for which `at` is not a period boundary (or which start after it):
 * Lago would bill their handover period in part and Odoo the rest, each with its own
 * proration, so a cutover there could bill a day twice or not at all. An empty list
 * means every subscription hands over whole periods.
 */
export function subscriptionsOffBoundary(subscriptions: SubscriptionAtCutover[], at: Date): Array<{ externalId: string; why: string }> {
  return subscriptions.flatMap((subscription) => {
    if (subscription.subscriptionAt >= at) return [{ externalId: subscription.externalId, why: "starts at or after the cutover: create it after the cutover instead" }];
    const period = gridPeriodAt({ interval: subscription.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, at });
    return period.start.getTime() === at.getTime() ? [] : [{ externalId: subscription.externalId, why: `its ${subscription.interval} period turns on ${period.start.toISOString()}, not at the cutover` }];
  });
}
