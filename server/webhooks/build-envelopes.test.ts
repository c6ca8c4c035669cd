import { describe, expect, it } from "vitest";
import type { AccountLink } from "~/generated/prisma/client";
import { invoiceLagoId } from "~/server/lago-api/invoice-wire";
import { usageUnitsKey } from "~/server/invoices/assemble-invoice";
import { buildEnvelopes, type EnvelopeEvent, type SubscriptionForEnvelope } from "./build-envelopes";
import type { OdooObservation } from "./lifecycle-types";

const created = new Date("2026-01-01T00:00:00Z");
const occurredAt = new Date("2026-03-05T10:20:30.456Z");

const customer = {
  id: "11111111-1111-4111-8111-111111111111", serviceId: "svc", externalId: "acme", sequentialId: 7,
  billingCustomerId: "bc", name: "Acme", firstname: null, lastname: null, email: "a@acme.test", phone: null,
  legalName: null, legalNumber: null, taxIdentificationNumber: null, addressLine1: null, addressLine2: null,
  city: null, state: null, zipcode: null, country: null, currency: "CAD", timezone: null, metadata: [],
  netPaymentTerm: null, shippingAddressLine1: null, shippingAddressLine2: null, shippingCity: null, shippingState: null, shippingZipcode: null, shippingCountry: null,
  deletedAt: null, createdAt: created, updatedAt: created,
} satisfies AccountLink;

const plan = {
  id: "22222222-2222-4222-8222-222222222222", code: "pro", name: "Pro", description: null, interval: "monthly" as const,
  amountCents: 1000n, amountCurrency: "CAD", payInAdvance: false, odooPlanId: null, odooProductId: null, ownerServiceId: null,
  createdAt: created, updatedAt: created, charges: [],
};

const subscription = (externalId: string): SubscriptionForEnvelope => ({
  id: `33333333-3333-4333-8333-33333333333${externalId.length}`, serviceId: "svc", externalId, accountLinkId: customer.id,
  planId: plan.id, name: null, status: "active", billingTime: "calendar", subscriptionAt: created, startedAt: created,
  endingAt: null, terminatedAt: null, canceledAt: null, odooOrderId: 5, odooClosedAt: null, odooCloseReason: null, previousPlanId: null, planChangedAt: null, nextPlanId: null, downgradeAt: null, onTerminationCreditNote: "credit", odooCreditNoteId: null, createdAt: created, updatedAt: created,
  accountLink: customer, plan, nextPlan: null, previousPlan: null,
}) as SubscriptionForEnvelope;

const invoiceObservation: OdooObservation = {
  model: "account.move", id: 42, state: "paid", partnerId: 9, orderIds: [5],
  invoice: {
    id: 42, name: "INV/2026/0042", moveType: "out_invoice", state: "posted", paymentState: "paid", partnerId: 9, invoiceOrigin: "S00005", ref: null, reversedEntryId: null,
    invoiceDate: "2026-03-01", invoiceDateDue: "2026-03-31", currency: "CAD", amountUntaxed: 107.35, amountTax: 16.1, amountTotal: 123.45, amountResidual: 0.1,
    createdAt: new Date("2026-03-01T06:00:00Z"), updatedAt: new Date("2026-03-05T10:20:00Z"),
    lines: [
      { id: 70, moveId: 42, productId: 3, name: "Pro\n1 Months 02/01/2026 to 02/28/2026", quantity: 1, priceUnit: 100, priceSubtotal: 100, priceTotal: 115, taxIds: [2], saleLineIds: [80] },
      { id: 71, moveId: 42, productId: 4, name: "API calls usage [api_calls]\n1200 units, 100 included, 1100 billed (2026-02-01 to 2026-02-28)", quantity: 1, priceUnit: 7.35, priceSubtotal: 7.35, priceTotal: 8.45, taxIds: [2], saleLineIds: [81] },
    ],
    orderOfSaleLine: [[80, 5], [81, 5]],
    taxes: [{ id: 2, name: "15% HST", amount: 15, amountType: "percent" }],
  },
};

const event = (kind: EnvelopeEvent["kind"], observation: OdooObservation, previousState: string | null): EnvelopeEvent => ({
  id: "evt-1", kind, previousState, occurredAt, observation,
});

const build = (e: EnvelopeEvent, subscriptions = [subscription("cloud-1")]) =>
  buildEnvelopes({ organizationId: "org-1", event: e, customer, subscriptions, usageUnits: new Map([[usageUnitsKey(81, "api_calls", "2026-02-01"), "1200"]]) });

describe("buildEnvelopes", () => {
  it("payment succeeded → one invoice.payment_status_updated", () => {
    const [envelope, ...rest] = build(event("payment_succeeded", invoiceObservation, "not_paid"));
    expect(rest).toEqual([]);
    expect(envelope!.webhookType).toBe("invoice.payment_status_updated");
    const payload = envelope!.payload as any;
    expect(payload).toMatchObject({ webhook_type: "invoice.payment_status_updated", object_type: "invoice", organization_id: "org-1" });
    expect(payload.invoice).toMatchObject({
      lago_id: invoiceLagoId(42), number: "INV/2026/0042", issuing_date: "2026-03-01", payment_due_date: "2026-03-31", net_payment_term: 30,
      payment_status: "succeeded", currency: "CAD", total_amount_cents: 12345, total_due_amount_cents: 10, total_paid_amount_cents: 12335,
      fees_amount_cents: 10735, taxes_amount_cents: 1610, sub_total_including_taxes_amount_cents: 12345,
      invoice_type: "subscription", status: "finalized", created_at: "2026-03-01T06:00:00Z", updated_at: "2026-03-05T10:20:00Z",
    });
    // The same fees GET /invoices/{lago_id} answers: the plan fee and the usage, units from the hub.
    expect(payload.invoice.fees.map((fee: any) => [fee.item.type, fee.item.code, fee.units, fee.amount_cents, fee.taxes_amount_cents, fee.taxes_rate, fee.from_date, fee.to_date])).toEqual([
      ["subscription", "pro", "1", 10000, 1500, 15, null, null],
      ["charge", "api_calls", "1200", 735, 110, 15, "2026-02-01T00:00:00Z", "2026-02-28T23:59:59Z"],
    ]);
    expect(payload.invoice.customer).toMatchObject({ lago_id: customer.id, external_id: "acme" });
    expect(payload.invoice.subscriptions.map((s: any) => s.external_id)).toEqual(["cloud-1"]);
    expect(payload.nexa).toEqual({
      event_id: "evt-1", event: "payment_succeeded", odoo_model: "account.move", odoo_id: 42, odoo_state: "paid",
      previous_odoo_state: "not_paid", occurred_at: "2026-03-05T10:20:30.456Z",
    });
  });

  it("payment failed → invoice.payment_failure, then payment_status_updated (failed)", () => {
    const observation = { ...invoiceObservation, state: "not_paid" };
    const envelopes = build(event("payment_failed", observation, "paid"));
    expect(envelopes.map((e) => e.webhookType)).toEqual(["invoice.payment_failure", "invoice.payment_status_updated"]);
    expect(envelopes[0]!.payload).toMatchObject({
      object_type: "payment_provider_invoice_payment_error",
      payment_provider_invoice_payment_error: {
        lago_invoice_id: invoiceLagoId(42), lago_customer_id: customer.id, external_customer_id: "acme",
        provider_customer_id: "9", payment_provider: "odoo",
        provider_error: { odoo_invoice_id: 42, odoo_payment_state: "not_paid", message: "Odoo payment_state went from paid to not_paid" },
      },
    });
    expect((envelopes[1]!.payload as any).invoice.payment_status).toBe("failed");
  });

  it("first seen already paid → invoice.created, then invoice.payment_status_updated, both with the invoice", () => {
    const envelopes = build(event("payment_succeeded", invoiceObservation, null));
    expect(envelopes.map((e) => [e.webhookType, (e.payload as any).object_type, (e.payload as any).invoice.payment_status])).toEqual([
      ["invoice.created", "invoice", "succeeded"],
      ["invoice.payment_status_updated", "invoice", "succeeded"],
    ]);
  });

  it("owed past its due date → invoice.payment_overdue, the invoice flagged overdue and still pending", () => {
    const owed = { ...invoiceObservation.invoice!, paymentState: "not_paid" as const, amountResidual: 123.45 };
    const observation: OdooObservation = { ...invoiceObservation, state: "not_paid+overdue", invoice: owed };
    const envelopes = build({ ...event("payment_overdue", observation, "not_paid"), occurredAt: new Date("2026-04-02T08:00:00Z") });
    expect(envelopes.map((e) => e.webhookType)).toEqual(["invoice.payment_overdue"]);
    expect((envelopes[0]!.payload as any).invoice).toMatchObject({ lago_id: invoiceLagoId(42), payment_status: "pending", payment_overdue: true, total_due_amount_cents: 12345 });
    // First seen owed and not yet due: created, nothing more.
    const due = build(event("invoice_created", { ...observation, state: "not_paid" }, null));
    expect(due.map((e) => [e.webhookType, (e.payload as any).invoice.payment_overdue])).toEqual([["invoice.created", false]]);
  });

  it("an invoice with no order is one_off and falls back to the customer's currency", () => {
    const observation = { ...invoiceObservation, orderIds: [], invoice: { ...invoiceObservation.invoice!, currency: null, amountTotal: 10, amountUntaxed: 10, amountResidual: 10 } };
    const invoice = (build(event("payment_succeeded", observation, null), [])[0]!.payload as any).invoice;
    expect(invoice).toMatchObject({ invoice_type: "one_off", currency: "CAD", total_amount_cents: 1000, total_paid_amount_cents: 0, subscriptions: [] });
  });

  it("rounds float amounts from Odoo exactly (0.1 + 0.2 style)", () => {
    const observation = { ...invoiceObservation, invoice: { ...invoiceObservation.invoice!, amountTotal: 0.30000000000000004, amountResidual: 0 } };
    expect((build(event("payment_succeeded", observation, null))[0]!.payload as any).invoice.total_amount_cents).toBe(30);
  });

  it("subscription terminated → one envelope per subscription, with plan and customer", () => {
    const observation: OdooObservation = { model: "sale.order", id: 5, state: "6_churn", partnerId: 9, orderIds: [5], order: { name: "S00005", endDate: "2026-03-01" } };
    const envelopes = build(event("subscription_terminated", observation, "3_progress"), [subscription("cloud-1"), subscription("cloud-22")]);
    expect(envelopes.map((e) => e.webhookType)).toEqual(["subscription.terminated", "subscription.terminated"]);
    const payload = envelopes[1]!.payload as any;
    expect(payload).toMatchObject({ webhook_type: "subscription.terminated", object_type: "subscription", organization_id: "org-1" });
    expect(payload.subscription).toMatchObject({
      external_id: "cloud-22", external_customer_id: "acme", status: "terminated", terminated_at: "2026-03-05T10:20:30Z",
      plan: { code: "pro", amount_cents: 1000 }, customer: { external_id: "acme" },
    });
  });
});
