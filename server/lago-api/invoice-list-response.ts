import type { Db } from "~/server/db/client";
import { odooDate } from "~/server/odoo/odoo-date";
import { parseInvoiceQuery } from "./invoice-query";
import { serializeInvoice } from "./invoice-wire";
import { readMovePage } from "./read-move-page";

/** `{invoices, meta}` for GET /invoices and GET /customers/{id}/invoices (the path's customer wins). */
export async function invoiceListResponse(options: { db: Db; serviceId: string; searchParams: URLSearchParams; externalCustomerId?: string }) {
  const today = odooDate(new Date());
  const { moves, meta } = await readMovePage({ ...options, parseQuery: () => parseInvoiceQuery(options.searchParams, today) });
  // Lago's index serializes without fees; the client reads them from GET /invoices/{id}.
  return { invoices: moves.map((view) => ({ ...serializeInvoice(view, { today }), fees: undefined })), meta };
}
