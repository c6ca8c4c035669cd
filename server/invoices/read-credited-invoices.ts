import type { DbOrTx } from "~/server/db/client";
import { listInvoices, type OdooClient } from "~/server/odoo";
import { describeInvoices } from "./describe-invoices";
import type { InvoiceForWire } from "./invoice-view";
import { loadInvoiceScope } from "./invoice-scope";
import { readFromOdoo } from "./read-from-odoo";

/**
 * The invoices these credit notes reverse (`reversed_entry_id`), as the service's key sees
 * them, by Odoo move id: a credit note names its invoice and each item the fee it credits.
 * One the key may not see (another service's) is absent.
 */
export async function readCreditedInvoices(options: { db: DbOrTx; odoo: () => OdooClient; serviceId: string; notes: InvoiceForWire[] }): Promise<Map<number, InvoiceForWire>> {
  const ids = [...new Set(options.notes.flatMap((note) => (note.invoice.reversedEntryId === null ? [] : [note.invoice.reversedEntryId])))];
  if (!ids.length) return new Map();
  const scope = await loadInvoiceScope({ db: options.db, serviceId: options.serviceId });
  const odoo = options.odoo();
  const invoices = await readFromOdoo(async () => describeInvoices({ db: options.db, odoo, invoices: await listInvoices(odoo, { ids, moveTypes: ["out_invoice"], orderIds: scope.orderIds }), scope }));
  return new Map(invoices.map((view) => [view.invoice.id, view]));
}
