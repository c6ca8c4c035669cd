/**
 * Customer invoices (account.move) with their product lines. Lines are read through
 * `invoice_line_ids` (Odoo's product/section/note lines), not by searching
 * account.move.line on move_id, which would also return tax and receivable lines.
 */
import { z } from "zod";
import type { OdooClient } from "../client";
import { datetime, ids, m2oId, m2oName, optDate, optString } from "./fields";

const MOVE_FIELDS = [
  "id", "name", "move_type", "state", "payment_state", "partner_id", "invoice_origin", "ref", "reversed_entry_id", "invoice_date", "invoice_date_due",
  "amount_untaxed", "amount_tax", "amount_total", "amount_residual", "currency_id", "invoice_line_ids", "create_date", "write_date",
];
const LINE_FIELDS = ["id", "move_id", "product_id", "name", "quantity", "price_unit", "price_subtotal", "price_total", "tax_ids", "sale_line_ids"];

export const PAYMENT_STATES = ["not_paid", "in_payment", "paid", "partial", "reversed", "blocked", "invoicing_legacy"] as const;

const lineRow = z
  .object({
    id: z.number().int(),
    move_id: m2oId,
    product_id: m2oId,
    name: optString,
    quantity: z.number(),
    price_unit: z.number(),
    price_subtotal: z.number(),
    price_total: z.number(),
    tax_ids: ids,
    sale_line_ids: ids,
  })
  .transform((r) => ({
    id: r.id,
    moveId: r.move_id,
    productId: r.product_id,
    name: r.name,
    quantity: r.quantity,
    priceUnit: r.price_unit,
    priceSubtotal: r.price_subtotal,
    /** Taxes included (HST on a Canadian invoice). */
    priceTotal: r.price_total,
    taxIds: r.tax_ids,
    saleLineIds: r.sale_line_ids,
  }));

const moveRow = z.object({
  id: z.number().int(),
  name: optString,
  move_type: z.string(),
  state: z.enum(["draft", "posted", "cancel"]),
  payment_state: z.union([z.enum(PAYMENT_STATES), z.literal(false)]).transform((v) => v || null),
  partner_id: m2oId,
  invoice_origin: optString,
  ref: optString,
  reversed_entry_id: m2oId,
  invoice_date: optDate,
  invoice_date_due: optDate,
  amount_untaxed: z.number(),
  amount_tax: z.number(),
  amount_total: z.number(),
  amount_residual: z.number(),
  currency_id: m2oName,
  invoice_line_ids: ids,
  create_date: datetime,
  write_date: datetime,
});

export type OdooInvoiceLine = z.output<typeof lineRow>;
export type OdooInvoice = {
  id: number;
  name: string | null;
  moveType: string;
  state: "draft" | "posted" | "cancel";
  paymentState: (typeof PAYMENT_STATES)[number] | null;
  partnerId: number | null;
  invoiceOrigin: string | null;
  ref: string | null;
  /** A credit note's: the invoice it reverses. */
  reversedEntryId: number | null;
  invoiceDate: string | null;
  invoiceDateDue: string | null;
  amountUntaxed: number;
  amountTax: number;
  amountTotal: number;
  amountResidual: number;
  currency: string | null;
  createdAt: Date;
  updatedAt: Date;
  lines: OdooInvoiceLine[];
};

export interface InvoiceFilter {
  ids?: number[];
  partnerId?: number;
  /** The subscription's order name, as Odoo puts it in invoice_origin. */
  origin?: string;
  /** Invoices with a line billing one of these sale.orders. */
  orderIds?: number[];
  /** Default: customer invoices and refunds. */
  moveTypes?: Array<"out_invoice" | "out_refund">;
  states?: Array<OdooInvoice["state"]>;
  paymentStates?: Array<(typeof PAYMENT_STATES)[number]>;
  invoiceDateFrom?: string;
  invoiceDateTo?: string;
  /** Overdue on `today` (posted, an amount due, due before today), or not. */
  overdue?: { today: string; value: boolean };
  currency?: string;
  /** In the number or the partner's name. */
  searchTerm?: string;
}

export interface InvoicePage {
  offset?: number;
  limit?: number;
  /** Odoo `order` clause; default "id". */
  order?: string;
}

function invoiceDomain(filter: InvoiceFilter): unknown[] {
  const domain: unknown[] = [["move_type", "in", filter.moveTypes ?? ["out_invoice", "out_refund"]]];
  if (filter.ids) domain.push(["id", "in", filter.ids]);
  if (filter.partnerId !== undefined) domain.push(["partner_id", "=", filter.partnerId]);
  if (filter.origin) domain.push(["invoice_origin", "=", filter.origin]);
  if (filter.orderIds) domain.push(["invoice_line_ids.sale_line_ids.order_id", "in", filter.orderIds]);
  if (filter.states) domain.push(["state", "in", filter.states]);
  if (filter.paymentStates) domain.push(["payment_state", "in", filter.paymentStates]);
  if (filter.invoiceDateFrom) domain.push(["invoice_date", ">=", filter.invoiceDateFrom]);
  if (filter.invoiceDateTo) domain.push(["invoice_date", "<=", filter.invoiceDateTo]);
  if (filter.overdue?.value) domain.push(["state", "=", "posted"], ["amount_residual", ">", 0], ["invoice_date_due", "<", filter.overdue.today]);
  if (filter.overdue?.value === false) domain.push("|", "|", ["state", "!=", "posted"], ["amount_residual", "=", 0], ["invoice_date_due", ">=", filter.overdue.today]);
  if (filter.currency) domain.push(["currency_id.name", "=", filter.currency]);
  if (filter.searchTerm) domain.push("|", ["name", "ilike", filter.searchTerm], ["partner_id.name", "ilike", filter.searchTerm]);
  return domain;
}

export const countInvoices = (client: OdooClient, filter: InvoiceFilter = {}) =>
  client.call<number>("account.move", "search_count", { domain: invoiceDomain(filter) });

export async function listInvoices(client: OdooClient, filter: InvoiceFilter = {}, page: InvoicePage = {}): Promise<OdooInvoice[]> {
  const moves = (
    await client.call<unknown[]>("account.move", "search_read", {
      domain: invoiceDomain(filter), fields: MOVE_FIELDS, order: page.order ?? "id", offset: page.offset, limit: page.limit,
    })
  ).map((m) => moveRow.parse(m));
  const lineIds = moves.flatMap((m) => m.invoice_line_ids);
  const lines = lineIds.length
    ? (await client.call<unknown[]>("account.move.line", "read", { ids: lineIds, fields: LINE_FIELDS })).map((l) => lineRow.parse(l))
    : [];
  return moves.map((m) => ({
    id: m.id,
    name: m.name,
    moveType: m.move_type,
    state: m.state,
    paymentState: m.payment_state,
    partnerId: m.partner_id,
    invoiceOrigin: m.invoice_origin,
    ref: m.ref,
    reversedEntryId: m.reversed_entry_id,
    invoiceDate: m.invoice_date,
    invoiceDateDue: m.invoice_date_due,
    amountUntaxed: m.amount_untaxed,
    amountTax: m.amount_tax,
    amountTotal: m.amount_total,
    amountResidual: m.amount_residual,
    currency: m.currency_id,
    createdAt: m.create_date,
    updatedAt: m.write_date,
    lines: lines.filter((l) => l.moveId === m.id),
  }));
}

export async function readInvoice(client: OdooClient, id: number): Promise<OdooInvoice | null> {
  const [invoice] = await listInvoices(client, { ids: [id] });
  return invoice ?? null;
}

/**
 * The invoice's customer-portal path with its access token (`/my/invoices/7?access_token=…`):
 * Odoo's public `preview_invoice`, which creates the token the first time
 * (portal.mixin `get_portal_url`); `_portal_ensure_token` itself is private to JSON-2.
 */
export async function invoicePortalPath(client: OdooClient, id: number): Promise<string> {
  const action = z.object({ url: z.string().startsWith("/") }).parse(await client.call("account.move", "preview_invoice", { ids: [id] }));
  return action.url;
}

/** A posted customer invoice line billed from sale order lines, with its service period. */
export interface InvoicedServicePeriod {
  moveId: number;
  saleLineIds: number[];
  /** account_accountant's deferred dates, which sale_subscription sets to the period billed (inclusive days). */
  start: string | null;
  end: string | null;
  quantity: number;
  priceUnit: number;
  taxIds: number[];
  /** The invoice line's text: the sale line's, with Odoo's period added. */
  name: string;
}

const periodRow = z
  .object({ move_id: m2oId, sale_line_ids: ids, deferred_start_date: optDate, deferred_end_date: optDate, quantity: z.number(), price_unit: z.number(), tax_ids: ids, name: optString })
  .transform((r) => ({
    moveId: r.move_id!, saleLineIds: r.sale_line_ids, start: r.deferred_start_date, end: r.deferred_end_date, quantity: r.quantity, priceUnit: r.price_unit, taxIds: r.tax_ids, name: r.name ?? "",
  }));

const SALE_LINE_BATCH = 1000;

/**
 * What Odoo has invoiced from these sale order lines: the lines of posted customer
 * invoices linked to them, with the service period each bills (Enterprise: deferred
 * dates). This, not `next_invoice_date`, says whether a period is invoiced: posting moves
 * that date by rules that leave it in place for a usage-only invoice.
 */
export async function listInvoicedServicePeriods(client: OdooClient, saleLineIds: number[], endingFrom?: string): Promise<InvoicedServicePeriod[]> {
  const out: InvoicedServicePeriod[] = [];
  for (let i = 0; i < saleLineIds.length; i += SALE_LINE_BATCH) {
    const rows = await client.call<unknown[]>("account.move.line", "search_read", {
      domain: [
        ["sale_line_ids", "in", saleLineIds.slice(i, i + SALE_LINE_BATCH)], ["move_id.state", "=", "posted"], ["move_id.move_type", "=", "out_invoice"],
        // Only recent periods: older invoices cannot decide anything still open.
        ...(endingFrom ? [["deferred_end_date", ">=", endingFrom]] : []),
      ],
      fields: ["move_id", "sale_line_ids", "deferred_start_date", "deferred_end_date", "quantity", "price_unit", "tax_ids", "name"],
      order: "id",
    });
    out.push(...rows.map((r) => periodRow.parse(r)));
  }
  return out;
}
