/**
 * Lago-compatible envelopes (`webhook_type`, `object_type`, `organization_id`, the
 * object under its type's key) for one lifecycle event and one service's customer.
 * Shapes follow lago-javascript-client's webhook types; a `nexa` block adds what Lago
 * has no field for (the Odoo record and transition), which Lago clients ignore.
 */
import type { AccountLink } from "~/generated/prisma/client";
import { assembleInvoice, type UsageUnits } from "~/server/invoices/assemble-invoice";
import { invoiceLagoId, serializeInvoice } from "~/server/lago-api/invoice-wire";
import { serializeCreditNote } from "~/server/lago-api/credit-note-wire";
import { odooDate } from "~/server/odoo/odoo-date";
import { subscriptionWithPlanCharges, type SubscriptionWithPlanCharges } from "~/server/subscriptions/subscription-input";
import { serializeCustomer } from "~/server/lago-api/customer-wire";
import { serializeSubscription } from "~/server/lago-api/subscription-wire";
import { isoSeconds } from "~/server/lago-api/wire-common";
import { webhookTypesOf } from "./classify-transition";
import type { LifecycleKind, OdooObservation, WebhookType } from "./lifecycle-types";

export const subscriptionForEnvelope = subscriptionWithPlanCharges;
export type SubscriptionForEnvelope = SubscriptionWithPlanCharges;

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


function moveView(event: EnvelopeEvent, customer: AccountLink, subscriptions: SubscriptionForEnvelope[], usageUnits: UsageUnits) {
  const { invoice } = event.observation;
  return assembleInvoice({ invoice: invoice!, customer, subscriptions, orderOfSaleLine: new Map(invoice!.orderOfSaleLine), usageUnits, taxes: invoice!.taxes });
}

function invoiceObject(event: EnvelopeEvent, customer: AccountLink, subscriptions: SubscriptionForEnvelope[], usageUnits: UsageUnits) {
  const view = moveView(event, customer, subscriptions, usageUnits);
  // Odoo keeps no failed state: a failure is the transition, so only its event says "failed".
  return serializeInvoice(view, { today: odooDate(event.occurredAt), paymentStatus: event.kind === "payment_failed" ? "failed" : undefined });
}

function paymentErrorObject(event: EnvelopeEvent, customer: AccountLink) {
  const { observation } = event;
  return {
    lago_invoice_id: invoiceLagoId(observation.id),
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
  /** The units the hub priced for the invoice's usage lines (readUsageUnits). */
  usageUnits?: UsageUnits;
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
  return webhookTypesOf({ kind: event.kind, model: event.observation.model, previousState: event.previousState, state: event.observation.state }).flatMap((type) => {
    switch (type) {
      case "subscription.terminated":
      case "subscription.started":
        return subscriptions.map((s) => envelope(type, "subscription", subscriptionObject(event, customer, s)));
      case "invoice.payment_failure":
        return [envelope(type, "payment_provider_invoice_payment_error", paymentErrorObject(event, customer))];
      case "invoice.created":
      case "invoice.payment_status_updated":
      case "invoice.payment_overdue":
        return [envelope(type, "invoice", invoiceObject(event, customer, subscriptions, options.usageUnits ?? new Map()))];
      case "credit_note.created":
        // The credited invoice is not part of the event: its number and the items' fees are read by GET /credit_notes/{id}.
        return [envelope(type, "credit_note", serializeCreditNote(moveView(event, customer, subscriptions, new Map()), undefined, { today: odooDate(event.occurredAt) }))];
    }
  });
}
