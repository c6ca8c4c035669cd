/**
 * Lago's invoice object for an Odoo customer invoice (account.move): amounts and taxes as
 * Odoo computed them (HST included), fees from its invoice lines, the units of a usage
 * fee from the hub's period record. One `lago_id` per Odoo move (recordUuid), the same in
 * the API and in webhooks, and resolvable by GET /invoices/{lago_id}.
 */
import Decimal from "decimal.js";
import { toMinorUnits } from "~/server/billing/pricing/currency";
import { recordUuid } from "~/server/lib/uuid";
import type { OdooInvoice } from "~/server/odoo";
import { type InvoiceForWire, type InvoiceLineForWire, invoiceLagoId } from "~/server/invoices/invoice-view";
import { serializeCustomer } from "./customer-wire";
import { serializeSubscription } from "./subscription-wire";
import { isoSeconds } from "./wire-common";

export const FEE_UUID_KIND = "odoo:account.move.line";

export { invoiceLagoId };

export type LagoInvoiceStatus = "draft" | "finalized" | "voided";
export type LagoPaymentStatus = "pending" | "succeeded" | "failed";

export const INVOICE_STATUS: Readonly<Record<OdooInvoice["state"], LagoInvoiceStatus>> = { draft: "draft", posted: "finalized", cancel: "voided" };

// Lago's payment_status has three values; Odoo's payment_state more. in_payment counts
// as paid (Odoo's "paid, awaiting bank reconciliation"); partial is still owed. Odoo has
// no lasting "failed" state: a failure is a transition, announced by webhook.
export const SUCCEEDED_PAYMENT_STATES = ["paid", "in_payment"] as const;
export const lagoPaymentStatus = (state: OdooInvoice["paymentState"]): LagoPaymentStatus =>
  (SUCCEEDED_PAYMENT_STATES as readonly string[]).includes(state ?? "") ? "succeeded" : "pending";

const DAY_MS = 86_400_000;

function feeObject(view: InvoiceForWire, entry: InvoiceLineForWire, paymentStatus: LagoPaymentStatus, cents: (n: number) => number, currency: string) {
  const { line, subscription, usage, taxes } = entry;
  const amount = cents(line.priceSubtotal);
  const total = cents(line.priceTotal);
  const charge = usage && subscription?.plan.charges.find((c) => c.billableMetric.code === usage.metricCode);
  const units = usage?.units ?? String(line.quantity);
  const firstTextLine = (line.name ?? "").split("\n", 1)[0]!;
  const item = usage
    ? { type: "charge", code: usage.metricCode, name: charge?.billableMetric.name ?? firstTextLine, invoice_display_name: firstTextLine, lago_item_id: charge?.billableMetric.id ?? null, item_type: "BillableMetric" }
    : subscription
      ? { type: "subscription", code: subscription.plan.code, name: subscription.plan.name, invoice_display_name: firstTextLine, lago_item_id: subscription.id, item_type: "Subscription" }
      : { type: "add_on", code: line.productId === null ? null : String(line.productId), name: firstTextLine, invoice_display_name: firstTextLine, lago_item_id: null, item_type: "AddOn" };
  const unitsDecimal = new Decimal(units);
  return {
    lago_id: recordUuid(FEE_UUID_KIND, line.id),
    lago_charge_id: charge?.id ?? null,
    lago_charge_filter_id: null,
    lago_invoice_id: invoiceLagoId(view.invoice.id),
    lago_true_up_fee_id: null,
    lago_true_up_parent_fee_id: null,
    lago_subscription_id: subscription?.id ?? null,
    external_subscription_id: subscription?.externalId ?? null,
    lago_customer_id: view.customer.id,
    external_customer_id: view.customer.externalId,
    amount_cents: amount,
    precise_amount: String(line.priceSubtotal),
    precise_total_amount: String(line.priceTotal),
    amount_currency: currency,
    taxes_amount_cents: total - amount,
    taxes_precise_amount: new Decimal(String(line.priceTotal)).minus(String(line.priceSubtotal)).toString(),
    // Odoo's percent taxes on the line (Lago writes the summed rate, e.g. 13 for HST).
    taxes_rate: taxes.reduce((sum, tax) => (tax.amountType === "percent" ? sum.plus(String(tax.amount)) : sum), new Decimal(0)).toNumber(),
    units,
    precise_unit_amount: unitsDecimal.isZero() ? "0" : new Decimal(String(line.priceSubtotal)).div(unitsDecimal).toString(),
    total_aggregated_units: units,
    total_amount_cents: total,
    total_amount_currency: currency,
    sub_total_excluding_taxes_amount_cents: amount,
    sub_total_excluding_taxes_precise_amount_cents: new Decimal(String(line.priceSubtotal)).times(100).toString(),
    events_count: null,
    // The hub bills usage in arrears; a plan fee in advance is still an Odoo line of its own.
    pay_in_advance: false,
    invoiceable: true,
    from_date: usage?.firstDay ? `${usage.firstDay}T00:00:00Z` : null,
    to_date: usage?.lastDay ? `${usage.lastDay}T23:59:59Z` : null,
    payment_status: paymentStatus,
    created_at: isoSeconds(view.invoice.createdAt),
    succeeded_at: null,
    failed_at: null,
    refunded_at: null,
    event_transaction_id: null,
    description: line.name,
    item: { ...item, filter_invoice_display_name: null, filters: null, grouped_by: {} },
    applied_taxes: [],
  };
}

/**
 * The invoice as Lago's API and webhooks write it. `paymentStatus` overrides the one read
 * from Odoo for a webhook announcing a failure (Odoo has no failed state to read).
 */
export function serializeInvoice(view: InvoiceForWire, options: { today: string; paymentStatus?: LagoPaymentStatus }) {
  const { invoice, customer } = view;
  const currency = invoice.currency ?? customer.currency ?? view.subscriptions[0]?.plan.amountCurrency ?? "USD";
  const cents = (amount: number) => Number(toMinorUnits(new Decimal(String(amount)), currency));
  const total = cents(invoice.amountTotal);
  const untaxed = cents(invoice.amountUntaxed);
  const due = cents(invoice.amountResidual);
  const paymentStatus = options.paymentStatus ?? lagoPaymentStatus(invoice.paymentState);
  const termDays = invoice.invoiceDate && invoice.invoiceDateDue
    ? Math.round((Date.parse(invoice.invoiceDateDue) - Date.parse(invoice.invoiceDate)) / DAY_MS)
    : 0;
  return {
    lago_id: invoiceLagoId(invoice.id),
    billing_entity_code: null,
    sequential_id: invoice.id,
    number: invoice.name && invoice.name !== "/" ? invoice.name : `DRAFT-${invoice.id}`,
    issuing_date: invoice.invoiceDate,
    payment_due_date: invoice.invoiceDateDue,
    payment_overdue: invoice.state === "posted" && due > 0 && invoice.invoiceDateDue !== null && invoice.invoiceDateDue < options.today,
    payment_dispute_lost_at: null,
    net_payment_term: termDays,
    invoice_type: view.subscriptions.length ? "subscription" : "one_off",
    status: INVOICE_STATUS[invoice.state],
    payment_status: paymentStatus,
    currency,
    fees_amount_cents: untaxed,
    coupons_amount_cents: 0,
    credit_notes_amount_cents: 0,
    sub_total_excluding_taxes_amount_cents: untaxed,
    taxes_amount_cents: total - untaxed,
    sub_total_including_taxes_amount_cents: total,
    prepaid_credit_amount_cents: 0,
    progressive_billing_credit_amount_cents: 0,
    total_amount_cents: total,
    total_paid_amount_cents: total - due,
    total_due_amount_cents: due,
    version_number: 4,
    self_billed: false,
    file_url: view.fileUrl ?? null,
    created_at: isoSeconds(invoice.createdAt),
    updated_at: isoSeconds(invoice.updatedAt),
    voided_at: invoice.state === "cancel" ? isoSeconds(invoice.updatedAt) : null,
    customer: serializeCustomer(customer),
    subscriptions: view.subscriptions.map((s) => serializeSubscription(s, { now: invoice.createdAt })),
    fees: view.lines.map((entry) => feeObject(view, entry, paymentStatus, cents, currency)),
    credits: [],
    applied_taxes: [],
    metadata: [{ key: "odoo_invoice_id", value: String(invoice.id) }],
  };
}
