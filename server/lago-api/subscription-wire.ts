import { z } from "zod";
import { validationFailed } from "~/server/errors";
import { billingPeriodAt } from "~/server/billing/billing-period";
import type { PlanWithCharges } from "~/server/catalog/plan-input";
import { effectiveStatus } from "~/server/subscriptions/effective-status";
import type { SubscriptionInput, SubscriptionWithRelations } from "~/server/subscriptions/subscription-input";
import type { SubscriptionChanges } from "~/server/subscriptions/update-subscription";
import type { UnsupportedField } from "./unsupported-fields";
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

/** PUT /subscriptions/{external_id}: Lago's updatable keys (plan changes go through POST, as in Lago). */
export const subscriptionUpdateSchema = z.object({
  name: optionalString(255),
  ending_at: isoDate.nullish(),
  subscription_at: isoDate.optional(),
});

export const subscriptionChangesFromWire = (input: z.infer<typeof subscriptionUpdateSchema>): SubscriptionChanges => ({
  ...(input.name !== undefined ? { name: input.name } : {}),
  ...(input.ending_at !== undefined ? { endingAt: input.ending_at } : {}),
  ...(input.subscription_at !== undefined ? { subscriptionAt: input.subscription_at } : {}),
});

/**
 * Fields of Lago's subscription create and update the hub cannot honour: Odoo's order
 * carries the plan's prices as they are (no per-subscription overrides yet), invoices each
 * order on its own, and has no thresholds, activation rules or invoice sections.
 */
export const UNSUPPORTED_SUBSCRIPTION_FIELDS: readonly UnsupportedField[] = [
  "billing_entity_code", "plan_overrides", "invoice_custom_section", "payment_method", { name: "consolidate_invoice", accepts: [false] },
  "purchase_order_number", "usage_thresholds", "activation_rules",
];

/**
 * DELETE's `on_termination_invoice` / `on_termination_credit_note` (Lago's query options).
 * The hub's termination always ends with Odoo invoicing the final period (Lago's
 * `generate`) and issues no credit note for an unused prepaid fee (Lago's `skip`): those
 * are honoured; skipping the final invoice or crediting/refunding the fee is a 422, not a
 * termination that quietly does something else.
 */
export function refuseTerminationOptions(params: URLSearchParams): void {
  const invoice = params.get("on_termination_invoice");
  const creditNote = params.get("on_termination_credit_note");
  const details: Record<string, string[]> = {};
  if (invoice !== null && invoice !== "generate") details.on_termination_invoice = [invoice === "skip" ? "unsupported_value" : "value_is_invalid"];
  if (creditNote !== null && creditNote !== "skip") details.on_termination_credit_note = [["credit", "refund"].includes(creditNote) ? "unsupported_value" : "value_is_invalid"];
  if (Object.keys(details).length) throw validationFailed(details);
}

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
  // Read at an instant before its start (an Odoo record dated earlier), a subscription has no current period yet.
  const period = lagoPeriod(
    status === "active" && now >= subscription.subscriptionAt
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
    previous_plan_code: subscription.previousPlan?.code ?? null,
    next_plan_code: subscription.nextPlan?.code ?? null,
    downgrade_plan_date: subscription.downgradeAt ? subscription.downgradeAt.toISOString().slice(0, 10) : null,
    trial_ended_at: null,
    current_billing_period_started_at: period.from,
    current_billing_period_ending_at: period.to,
    // What DELETE does (refuseTerminationOptions): Odoo invoices the final period, no credit note.
    on_termination_credit_note: "skip",
    on_termination_invoice: "generate",
    ...(options.withPlan ? { plan: serializePlan(options.withPlan) } : {}),
  };
}
