import type { Db } from "~/server/db/client";
import { paginationMeta, paginationWindow, parsePagination } from "~/server/http/lago-pagination";
import { listInvoices } from "~/server/invoices/list-invoices";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { odooDate } from "~/server/odoo/odoo-date";
import { parseInvoiceQuery } from "./invoice-query";
import { serializeInvoice } from "./invoice-wire";

/** `{invoices, meta}` for GET /invoices and GET /customers/{id}/invoices (the path's customer wins). */
export async function invoiceListResponse(options: { db: Db; serviceId: string; searchParams: URLSearchParams; externalCustomerId?: string }) {
  const today = odooDate(new Date());
  const pagination = parsePagination(options.searchParams);
  const query = parseInvoiceQuery(options.searchParams, today);
  const { invoices, totalCount } = await listInvoices({
    db: options.db,
    odoo: odooClientFromEnv,
    serviceId: options.serviceId,
    externalCustomerId: options.externalCustomerId ?? query.externalCustomerId,
    filter: query.filter,
    page: paginationWindow(pagination),
  });
  // Lago's index serializes without fees; the client reads them from GET /invoices/{id}.
  return { invoices: invoices.map((view) => ({ ...serializeInvoice(view, { today }), fees: undefined })), meta: paginationMeta(pagination, totalCount) };
}
