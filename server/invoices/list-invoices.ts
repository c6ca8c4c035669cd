import type { DbOrTx } from "~/server/db/client";
import type { PageWindow } from "~/server/db/table-query";
import type { InvoiceForWire } from "./invoice-view";
import { countInvoices, type InvoiceFilter, listInvoices as listOdooInvoices, type OdooClient } from "~/server/odoo";
import { describeInvoices } from "./describe-invoices";
import { loadInvoiceScope } from "./invoice-scope";
import { readFromOdoo } from "./read-from-odoo";

/**
 * One page of the Odoo invoices billing a service's subscriptions, latest first (Lago's
 * order: issuing date, then creation), counted by Odoo so `meta` pages over all of them.
 */
export async function listInvoices(options: {
  db: DbOrTx;
  /** Resolved only when there is something to read (no Odoo needed for a service with no orders). */
  odoo: () => OdooClient;
  serviceId: string;
  externalCustomerId?: string;
  filter: Omit<InvoiceFilter, "orderIds">;
  page: PageWindow;
}): Promise<{ invoices: InvoiceForWire[]; totalCount: number }> {
  const { db, serviceId, externalCustomerId, page } = options;
  const scope = await loadInvoiceScope({ db, serviceId, externalCustomerId });
  if (!scope.orderIds.length) return { invoices: [], totalCount: 0 };
  const filter: InvoiceFilter = { ...options.filter, orderIds: scope.orderIds };
  const odoo = options.odoo();
  return readFromOdoo(async () => {
    const [totalCount, invoices] = await Promise.all([
      countInvoices(odoo, filter),
      listOdooInvoices(odoo, filter, { offset: page.skip, limit: page.take, order: "invoice_date desc, id desc" }),
    ]);
    return { invoices: await describeInvoices({ db, odoo, invoices, scope }), totalCount };
  });
}
