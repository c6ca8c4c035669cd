/**
 * Lago's credit note object (CreditNoteSerializer with items) for an Odoo customer credit
 * note (account.move `out_refund`): the hub's own for a prepaid plan's unused days, or one
 * issued in Odoo. Its `lago_id` is its move's (the invoices' id space), its invoice the one
 * it reverses, and each item's fee that invoice's fee for the same order line, as
 * GET /invoices/{id} serializes it.
 */
import Decimal from "decimal.js";
import { toMinorUnits } from "~/server/billing/pricing/currency";
import { creditNoteRef } from "~/server/usage-push/credit-unused-days";
import type { InvoiceForWire } from "~/server/invoices/invoice-view";
import { recordUuid } from "~/server/lib/uuid";
import { FEE_UUID_KIND, invoiceLagoId, serializeInvoice } from "./invoice-wire";
import { serializeCustomer } from "./customer-wire";
import { isoSeconds } from "./wire-common";

const HUB_CREDIT_REF = creditNoteRef("");

export function serializeCreditNote(note: InvoiceForWire, credited: InvoiceForWire | undefined, options: { today: string }) {
  const { invoice, customer } = note;
  const currency = invoice.currency ?? customer.currency ?? "USD";
  const cents = (amount: number) => Number(toMinorUnits(new Decimal(String(amount)), currency));
  const total = cents(invoice.amountTotal);
  const untaxed = cents(invoice.amountUntaxed);
  const balance = cents(invoice.amountResidual);
  const creditedFees = credited ? serializeInvoice(credited, options).fees : [];
  const feeOf = (line: InvoiceForWire["lines"][number]["line"]) => {
    const index = credited?.invoice.lines.findIndex((source) => source.productId === line.productId && source.saleLineIds.some((id) => line.saleLineIds.includes(id))) ?? -1;
    return index >= 0 ? creditedFees[index]! : null;
  };
  return {
    lago_id: invoiceLagoId(invoice.id),
    billing_entity_code: null,
    sequential_id: invoice.id,
    number: invoice.name && invoice.name !== "/" ? invoice.name : `DRAFT-${invoice.id}`,
    lago_invoice_id: invoice.reversedEntryId === null ? null : invoiceLagoId(invoice.reversedEntryId),
    invoice_number: credited?.invoice.name ?? null,
    issuing_date: invoice.invoiceDate,
    // Odoo's residual is the credit still to use: reconciled with the invoice it reverses, or later ones.
    credit_status: invoice.state === "cancel" ? "voided" : balance > 0 ? "available" : "consumed",
    refund_status: null,
    reason: invoice.ref?.startsWith(HUB_CREDIT_REF) ? "order_cancellation" : "other",
    description: invoice.ref,
    currency,
    total_amount_cents: total,
    precise_total_amount_cents: new Decimal(String(invoice.amountTotal)).times(100).toString(),
    taxes_amount_cents: total - untaxed,
    precise_taxes_amount_cents: new Decimal(String(invoice.amountTotal)).minus(String(invoice.amountUntaxed)).times(100).toString(),
    sub_total_excluding_taxes_amount_cents: untaxed,
    balance_amount_cents: balance,
    credit_amount_cents: total,
    refund_amount_cents: 0,
    applied_to_source_invoice_amount_cents: total - balance,
    coupons_adjustment_amount_cents: 0,
    taxes_rate: untaxed ? new Decimal(total - untaxed).div(untaxed).times(100).toDecimalPlaces(2).toNumber() : 0,
    created_at: isoSeconds(invoice.createdAt),
    updated_at: isoSeconds(invoice.updatedAt),
    file_url: null,
    xml_url: null,
    self_billed: false,
    customer: serializeCustomer(customer),
    items: note.lines.map(({ line }) => ({
      lago_id: recordUuid(FEE_UUID_KIND, line.id),
      amount_cents: cents(line.priceSubtotal),
      precise_amount_cents: new Decimal(String(line.priceSubtotal)).times(100).toString(),
      amount_currency: currency,
      fee: feeOf(line),
    })),
    applied_taxes: [],
  };
}
