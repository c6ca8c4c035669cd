import { billingPeriodAt, type BillingTime, type PlanInterval } from "~/server/billing/billing-period";

/** What a subscription remembers of its last plan change (previousPlan: that plan, loaded). */
export interface PlanHistory<P> {
  plan: P;
  previousPlan: P | null;
  planChangedAt: Date | null;
}

/**
 * The plan a billing period is billed on. A plan change prices the period it falls in on
 * the new plan; a period that had ended by then stays on the plan it ran on, even when
 * its usage is pushed after the change (a change just after a boundary).
 */
export function planOfPeriod<P>(subscription: PlanHistory<P>, period: { end: Date }): P {
  const { previousPlan, planChangedAt } = subscription;
  return previousPlan !== null && planChangedAt !== null && period.end <= planChangedAt ? previousPlan : subscription.plan;
}

/**
 * What a plan change at `now` records as the plan history: the plan the current period
 * started on and the instant it was left. A second change in the same period keeps the
 * first one's record, so the periods before still read the plan they ran on; a
 * subscription that has not started has no period to keep.
 */
export function planHistoryAfterChange(subscription: {
  planId: string; previousPlanId: string | null; planChangedAt: Date | null;
  subscriptionAt: Date; billingTime: BillingTime; plan: { interval: PlanInterval };
}, now: Date): { previousPlanId: string | null; planChangedAt: Date | null } {
  if (now < subscription.subscriptionAt) return { previousPlanId: null, planChangedAt: null };
  const current = billingPeriodAt({ interval: subscription.plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, at: now });
  if (subscription.planChangedAt !== null && subscription.planChangedAt >= current.start) {
    return { previousPlanId: subscription.previousPlanId, planChangedAt: subscription.planChangedAt };
  }
  return { previousPlanId: subscription.planId, planChangedAt: now };
}
