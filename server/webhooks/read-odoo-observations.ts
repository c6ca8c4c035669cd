import { type OdooInvoice, listInvoices, listSubscriptions, type OdooClient, readOrderLines, readTaxes } from "~/server/odoo";
import { lagoPaymentStatus } from "~/server/lago-api/invoice-wire";
import { odooDate } from "~/server/odoo/odoo-date";
import { CREDIT_NOTE_STATE, invoiceLifecycleState } from "./classify-transition";
import type { OdooObservation } from "./lifecycle-types";

export type ObservationFilter =
  | { model: "account.move"; ids?: number[]; invoiceDateFrom?: string; partnerIds?: number[] }
  | { model: "sale.order"; ids: number[] };

const isOverdue = (invoice: OdooInvoice, today: string) =>
  invoice.moveType === "out_invoice" && lagoPaymentStatus(invoice.paymentState) !== "succeeded"
  && invoice.amountResidual > 0 && invoice.invoiceDateDue !== null && invoice.invoiceDateDue < today;

/**
 * Reads the lifecycle state of Odoo records through the API: the only source the hub
 * trusts (the inbound webhook is just a hint). Draft and cancelled invoices and orders
 * that are not subscriptions have no lifecycle and are left out. An invoice is overdue
 * on `today` (Odoo's date) when it is still owed after its due date.
 */
export async function readOdooObservations(odoo: OdooClient, filter: ObservationFilter, today = odooDate(new Date())): Promise<OdooObservation[]> {
  if (filter.model === "sale.order") {
    // An order Odoo no longer has (or a hint naming a wrong id) observes nothing.
    const orders = filter.ids.length ? await listSubscriptions(odoo, { ids: filter.ids }) : [];
    return orders
      .filter((order) => order.subscriptionState !== null)
      .map((order) => ({
        model: "sale.order",
        id: order.id,
        state: order.subscriptionState!,
        partnerId: order.partnerId,
        orderIds: [order.id],
        order: { name: order.name, endDate: order.endDate, closeReason: order.closeReason },
      }));
  }
  if (filter.ids?.length === 0) return [];
  const partners = filter.partnerIds && new Set(filter.partnerIds);
  const invoices = (await listInvoices(odoo, { ids: filter.ids, invoiceDateFrom: filter.invoiceDateFrom })).filter(
    (invoice) =>
      invoice.state === "posted" && invoice.paymentState !== null && (!partners || (invoice.partnerId !== null && partners.has(invoice.partnerId))),
  );
  // invoice line → sale.order.line → order: the subscriptions an invoice bills.
  const lines = await readOrderLines(odoo, [...new Set(invoices.flatMap((invoice) => invoice.lines.flatMap((line) => line.saleLineIds)))]);
  const orderOfLine = new Map(lines.map((line) => [line.id, line.orderId]));
  const taxes = await readTaxes(odoo, invoices.flatMap((invoice) => invoice.lines.flatMap((line) => line.taxIds)));
  return invoices.map((invoice) => ({
    model: "account.move",
    id: invoice.id,
    // A credit note (the hub's for unused prepaid days, or Odoo's) is announced as one, never as an invoice.
    state: invoice.moveType === "out_refund" ? CREDIT_NOTE_STATE : invoiceLifecycleState(invoice.paymentState!, isOverdue(invoice, today)),
    partnerId: invoice.partnerId,
    orderIds: [
      ...new Set(invoice.lines.flatMap((line) => line.saleLineIds.map((id) => orderOfLine.get(id)).filter((id): id is number => typeof id === "number"))),
    ].sort((a, b) => a - b),
    invoice: {
      ...invoice,
      taxes: taxes.filter((tax) => invoice.lines.some((line) => line.taxIds.includes(tax.id))),
      orderOfSaleLine: invoice.lines.flatMap((line) => line.saleLineIds.flatMap((id) => (orderOfLine.get(id) == null ? [] : [[id, orderOfLine.get(id)!] as [number, number]]))),
    },
  }));
}
