import { billingPeriodAt, type BillingTime, type PlanInterval } from "~/server/billing/billing-period";

export type PlanChangeTiming = { kind: "now" } | { kind: "at_period_end"; at: Date };

/**
 * When a plan change takes effect, by Lago's rule (Subscriptions::CreateService): a plan
 * that costs less a year is a downgrade, applied when the current period ends (Lago's
 * next_plan_code, downgrade_plan_date); any other change, and any change to a
 * subscription that has not started, applies at once. Both plans bill on one interval
 * (createSubscription refuses others), so their fees compare as they are.
 */
export function planChangeTiming(
  subscription: { subscriptionAt: Date; billingTime: BillingTime; plan: { interval: PlanInterval; amountCents: bigint } },
  next: { amountCents: bigint },
  now: Date,
): PlanChangeTiming {
  if (now < subscription.subscriptionAt || next.amountCents >= subscription.plan.amountCents) return { kind: "now" };
  const period = billingPeriodAt({ interval: subscription.plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, at: now });
  return { kind: "at_period_end", at: period.end };
}
