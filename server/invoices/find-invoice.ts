import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { INVOICE_UUID_KIND, type InvoiceForWire } from "./invoice-view";
import { recordIdOfUuid } from "~/server/lib/uuid";
import { listInvoices, type OdooClient } from "~/server/odoo";
import { describeInvoices } from "./describe-invoices";
import { loadInvoiceScope } from "./invoice-scope";
import { readFromOdoo } from "./read-from-odoo";

/**
 * The invoice a `lago_id` names, as the service's key sees it: 404 `invoice_not_found`
 * for an id the hub never minted, a move Odoo no longer has, or one that bills none of
 * the service's subscriptions (another service's invoice does not exist for this key).
 * With `moveType: "out_refund"`, the credit note it names (404 `credit_note_not_found`).
 */
export async function findInvoice(options: {
  db: DbOrTx; odoo: () => OdooClient; serviceId: string; lagoId: string; moveType?: "out_invoice" | "out_refund";
}): Promise<InvoiceForWire> {
  const { db, serviceId } = options;
  const moveType = options.moveType ?? "out_invoice";
  const missing = () => notFound(moveType === "out_refund" ? "credit_note" : "invoice");
  const moveId = recordIdOfUuid(INVOICE_UUID_KIND, options.lagoId);
  if (moveId === null) throw missing();
  const scope = await loadInvoiceScope({ db, serviceId });
  if (!scope.orderIds.length) throw missing();
  const odoo = options.odoo();
  const [invoice] = await readFromOdoo(async () => {
    const moves = await listInvoices(odoo, { ids: [moveId], moveTypes: [moveType], orderIds: scope.orderIds });
    return describeInvoices({ db, odoo, invoices: moves, scope });
  });
  if (!invoice) throw missing();
  return invoice;
}
