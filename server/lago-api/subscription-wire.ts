import { z } from "zod";
import type { TerminationCreditNote } from "~/generated/prisma/client";
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
  on_termination_credit_note: z.string().nullish(),
});

export function subscriptionChangesFromWire(input: z.infer<typeof subscriptionUpdateSchema>): SubscriptionChanges {
  const details: Record<string, string[]> = {};
  const creditNote = creditNoteOption(input.on_termination_credit_note, details);
  if (Object.keys(details).length) throw validationFailed(details);
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.ending_at !== undefined ? { endingAt: input.ending_at } : {}),
    ...(input.subscription_at !== undefined ? { subscriptionAt: input.subscription_at } : {}),
    ...(creditNote ? { onTerminationCreditNote: creditNote } : {}),
  };
}

/**
 * Fields of Lago's subscription create and update the hub cannot honour: Odoo's order
 * carries the plan's prices as they are (no per-subscription overrides yet), invoices each
 * order on its own, and has no thresholds, activation rules or invoice sections.
 */
export const UNSUPPORTED_SUBSCRIPTION_FIELDS: readonly UnsupportedField[] = [
  "billing_entity_code", "plan_overrides", "invoice_custom_section", "payment_method", { name: "consolidate_invoice", accepts: [false] },
  "purchase_order_number", "usage_thresholds", "activation_rules",
];

/** Lago's on_termination_credit_note values; `refund` (to the payment method) and `offset` (against open invoices) are not the hub's. */
const CREDIT_NOTE_OPTIONS = ["credit", "refund", "skip", "offset"] as const;
const HONOURED_CREDIT_NOTE_OPTIONS: readonly TerminationCreditNote[] = ["credit", "skip"];

function creditNoteOption(value: string | null | undefined, details: Record<string, string[]>): TerminationCreditNote | undefined {
  if (value === null || value === undefined) return undefined;
  if ((HONOURED_CREDIT_NOTE_OPTIONS as readonly string[]).includes(value)) return value as TerminationCreditNote;
  details.on_termination_credit_note = [(CREDIT_NOTE_OPTIONS as readonly string[]).includes(value) ? "unsupported_value" : "value_is_invalid"];
  return undefined;
}

/**
 * DELETE's `on_termination_invoice` / `on_termination_credit_note` (Lago's query options).
 * The termination always ends with Odoo invoicing the final period (Lago's `generate`);
 * a prepaid plan's unused days are credited with an Odoo credit note (`credit`, Lago's
 * default) or not (`skip`). Skipping the final invoice, refunding or offsetting the fee is
 * a 422, not a termination that quietly does something else.
 */
export function terminationOptionsFromWire(params: URLSearchParams): { creditNote?: TerminationCreditNote } {
  const invoice = params.get("on_termination_invoice");
  const details: Record<string, string[]> = {};
  if (invoice !== null && invoice !== "generate") details.on_termination_invoice = [invoice === "skip" ? "unsupported_value" : "value_is_invalid"];
  const creditNote = creditNoteOption(params.get("on_termination_credit_note"), details);
  if (Object.keys(details).length) throw validationFailed(details);
  return creditNote ? { creditNote } : {};
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
    // Lago keeps the credit note option of prepaid plans only.
    on_termination_credit_note: subscription.plan.payInAdvance ? subscription.onTerminationCreditNote : null,
    on_termination_invoice: "generate",
    ...(options.withPlan ? { plan: serializePlan(options.withPlan) } : {}),
  };
}
