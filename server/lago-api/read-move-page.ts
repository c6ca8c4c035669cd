import type { Db } from "~/server/db/client";
import { paginationMeta, paginationWindow, parsePagination } from "~/server/http/lago-pagination";
import type { InvoiceForWire } from "~/server/invoices/invoice-view";
import { listInvoices } from "~/server/invoices/list-invoices";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import type { InvoiceQuery } from "./invoice-query";

/**
 * One page of a service's Odoo moves (invoices or credit notes, as `parseQuery` filters them)
 * and Lago's `meta` for it, for the list endpoints; the path's customer wins over the
 * query's `external_customer_id`.
 */
export async function readMovePage(options: {
  db: Db; serviceId: string; searchParams: URLSearchParams; externalCustomerId?: string; parseQuery: () => InvoiceQuery;
}): Promise<{ moves: InvoiceForWire[]; meta: ReturnType<typeof paginationMeta> }> {
  // Paging is checked before the filters, as each list did on its own.
  const pagination = parsePagination(options.searchParams);
  const query = options.parseQuery();
  const { invoices, totalCount } = await listInvoices({
    db: options.db,
    odoo: odooClientFromEnv,
    serviceId: options.serviceId,
    externalCustomerId: options.externalCustomerId ?? query.externalCustomerId,
    filter: query.filter,
    page: paginationWindow(pagination),
  });
  return { moves: invoices, meta: paginationMeta(pagination, totalCount) };
}
