/**
 * Lago-compatible envelopes (`webhook_type`, `object_type`, `organization_id`, the
 * object under its type's key) for one lifecycle event and one service's customer.
 * Shapes follow lago-javascript-client's webhook types; a `nexa` block adds what Lago
 * has no field for (the Odoo record and transition), which Lago clients ignore.
 */
import Decimal from "decimal.js";
import type { AccountLink, Prisma } from "~/generated/prisma/client";
import { toMinorUnits } from "~/server/billing/pricing/currency";
import { planWithCharges } from "~/server/catalog/plan-input";
import { serializeCustomer } from "~/server/lago-api/customer-wire";
import { serializeSubscription } from "~/server/lago-api/subscription-wire";
import { isoSeconds } from "~/server/lago-api/wire-common";
import { nameBasedUuid } from "~/server/lib/uuid";
import { WEBHOOK_TYPES } from "./classify-transition";
import type { LifecycleKind, OdooObservation, WebhookType } from "./lifecycle-types";

export const subscriptionForEnvelope = { accountLink: true, plan: { include: planWithCharges } } satisfies Prisma.SubscriptionInclude;
export type SubscriptionForEnvelope = Prisma.SubscriptionGetPayload<{ include: typeof subscriptionForEnvelope }>;

export interface EnvelopeEvent {
  id: string;
  kind: LifecycleKind;
  previousState: string | null;
  occurredAt: Date;
  observation: OdooObservation;
}

export interface Envelope {
  webhookType: WebhookType;
  payload: Record<string, unknown>;
}

/** A stable UUID for an Odoo record, so `lago_id`s are UUIDs like Lago's and repeat across events. */
export const odooRecordUuid = (model: string, id: number) => nameBasedUuid(`nexa:odoo:${model}:${id}`);

const PAYMENT_STATUS: Readonly<Record<LifecycleKind, "succeeded" | "failed" | "pending">> = {
  payment_succeeded: "succeeded",
  payment_failed: "failed",
  subscription_terminated: "pending",
  subscription_reopened: "pending",
};

function invoiceObject(event: EnvelopeEvent, customer: AccountLink, subscriptions: SubscriptionForEnvelope[]) {
  const { observation } = event;
  const invoice = observation.invoice!;
  const currency = invoice.currency ?? customer.currency ?? subscriptions[0]?.plan.amountCurrency ?? "USD";
  const cents = (amount: number) => Number(toMinorUnits(new Decimal(String(amount)), currency));
  const total = cents(invoice.amountTotal);
  const due = cents(invoice.amountResidual);
  return {
    lago_id: odooRecordUuid(observation.model, observation.id),
    billing_entity_code: null,
    sequential_id: observation.id,
    number: invoice.name,
    issuing_date: invoice.invoiceDate,
    payment_due_date: null,
    payment_overdue: false,
    net_payment_term: null,
    invoice_type: observation.orderIds.length ? "subscription" : "one_off",
    status: "finalized",
    payment_status: PAYMENT_STATUS[event.kind],
    currency,
    fees_amount_cents: total,
    coupons_amount_cents: 0,
    credit_notes_amount_cents: 0,
    sub_total_excluding_taxes_amount_cents: total,
    taxes_amount_cents: 0,
    sub_total_including_taxes_amount_cents: total,
    prepaid_credit_amount_cents: 0,
    progressive_billing_credit_amount_cents: 0,
    total_amount_cents: total,
    total_paid_amount_cents: total - due,
    total_due_amount_cents: due,
    version_number: 4,
    created_at: isoSeconds(event.occurredAt),
    updated_at: isoSeconds(event.occurredAt),
    customer: serializeCustomer(customer),
    subscriptions: subscriptions.map((s) => serializeSubscription(s, { now: event.occurredAt })),
    fees: [],
    credits: [],
    applied_taxes: [],
    metadata: [{ key: "odoo_invoice_id", value: String(observation.id) }],
  };
}

function paymentErrorObject(event: EnvelopeEvent, customer: AccountLink) {
  const { observation } = event;
  return {
    lago_invoice_id: odooRecordUuid(observation.model, observation.id),
    lago_customer_id: customer.id,
    external_customer_id: customer.externalId,
    provider_customer_id: observation.partnerId === null ? null : String(observation.partnerId),
    // Not one of Lago's provider names: the failure is what Odoo recorded, not a PSP's answer.
    payment_provider: "odoo",
    payment_provider_code: null,
    provider_error: {
      message: `Odoo payment_state went from ${event.previousState} to ${observation.state}`,
      odoo_invoice_id: observation.id,
      odoo_payment_state: observation.state,
    },
  };
}

function subscriptionObject(event: EnvelopeEvent, customer: AccountLink, subscription: SubscriptionForEnvelope) {
  const serialized = { ...serializeSubscription(subscription, { withPlan: subscription.plan, now: event.occurredAt }), customer: serializeCustomer(customer) };
  // Reopened: the subscription as it now is, running again.
  return event.kind === "subscription_reopened" ? serialized : { ...serialized, status: "terminated", terminated_at: isoSeconds(event.occurredAt) };
}

/** Every envelope one customer of one service receives for the event. */
export function buildEnvelopes(options: {
  organizationId: string;
  event: EnvelopeEvent;
  customer: AccountLink;
  subscriptions: SubscriptionForEnvelope[];
}): Envelope[] {
  const { organizationId, event, customer, subscriptions } = options;
  const nexa = {
    event_id: event.id,
    event: event.kind,
    odoo_model: event.observation.model,
    odoo_id: event.observation.id,
    odoo_state: event.observation.state,
    previous_odoo_state: event.previousState,
    occurred_at: event.occurredAt.toISOString(),
    // Odoo closed the order on its own (unpaid invoice, late invoicing), not the app: its
    // reason as Odoo records it; an app's own termination says terminated_by "app".
    ...(event.kind === "subscription_terminated" ? { terminated_by: "odoo", odoo_close_reason: event.observation.order?.closeReason ?? null } : {}),
  };
  const envelope = (webhookType: WebhookType, objectType: string, object: unknown): Envelope => ({
    webhookType,
    payload: { webhook_type: webhookType, object_type: objectType, organization_id: organizationId, [objectType]: object, nexa },
  });
  return WEBHOOK_TYPES[event.kind].flatMap((type) => {
    switch (type) {
      case "subscription.terminated":
      case "subscription.started":
        return subscriptions.map((s) => envelope(type, "subscription", subscriptionObject(event, customer, s)));
      case "invoice.payment_failure":
        return [envelope(type, "payment_provider_invoice_payment_error", paymentErrorObject(event, customer))];
      case "invoice.payment_status_updated":
        return [envelope(type, "invoice", invoiceObject(event, customer, subscriptions))];
    }
  });
}
