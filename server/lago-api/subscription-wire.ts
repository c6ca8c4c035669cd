import { z } from "zod";
import { billingPeriodAt } from "~/server/billing/billing-period";
import type { PlanWithCharges } from "~/server/catalog/plan-input";
import { effectiveStatus } from "~/server/subscriptions/effective-status";
import type { SubscriptionInput, SubscriptionWithRelations } from "~/server/subscriptions/subscription-input";
import { serializePlan } from "./plan-wire";
import { isoMillis, isoSeconds, isoDate, lagoPeriod, optionalString, requiredString } from "./wire-common";

export const subscriptionCreateSchema = z.object({
  external_customer_id: requiredString(255),
  plan_code: requiredString(255),
  external_id: requiredString(255),
  name: optionalString(255),
  billing_time: z.enum(["calendar", "anniversary"], { error: "value_is_invalid" }).optional(),
  subscription_at: isoDate.optional(),
  ending_at: isoDate.nullish(),
});

export const subscriptionInputFromWire = (input: z.infer<typeof subscriptionCreateSchema>): SubscriptionInput => ({
  externalCustomerId: input.external_customer_id,
  planCode: input.plan_code,
  externalId: input.external_id,
  name: input.name ?? null,
  billingTime: input.billing_time,
  subscriptionAt: input.subscription_at,
  endingAt: input.ending_at ?? null,
});

export const SUBSCRIPTION_STATUSES = ["active", "pending", "terminated", "canceled"] as const;

export function serializeSubscription(subscription: SubscriptionWithRelations, options: { withPlan?: PlanWithCharges; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const status = effectiveStatus(subscription, now);
  const period = lagoPeriod(
    status === "active"
      ? billingPeriodAt({ interval: subscription.plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, at: now })
      : null,
  );
  return {
    lago_id: subscription.id,
    external_id: subscription.externalId,
    lago_customer_id: subscription.accountLinkId,
    external_customer_id: subscription.accountLink.externalId,
    billing_time: subscription.billingTime,
    name: subscription.name,
    plan_code: subscription.plan.code,
    plan_amount_cents: Number(subscription.plan.amountCents),
    plan_amount_currency: subscription.plan.amountCurrency,
    status,
    created_at: isoSeconds(subscription.createdAt),
    canceled_at: isoSeconds(subscription.canceledAt),
    started_at: isoMillis(subscription.startedAt ?? (status === "active" ? subscription.subscriptionAt : null)),
    ending_at: isoSeconds(subscription.endingAt),
    subscription_at: isoSeconds(subscription.subscriptionAt),
    terminated_at: isoSeconds(subscription.terminatedAt),
    previous_plan_code: null,
    next_plan_code: null,
    downgrade_plan_date: null,
    trial_ended_at: null,
    current_billing_period_started_at: period.from,
    current_billing_period_ending_at: period.to,
    on_termination_credit_note: null,
    on_termination_invoice: "generate",
    ...(options.withPlan ? { plan: serializePlan(options.withPlan) } : {}),
  };
}
