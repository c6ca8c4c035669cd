import type { DbOrTx } from "~/server/db/client";
import { validationFailed } from "~/server/errors";
import { invoicePortalPath, type OdooClient } from "~/server/odoo";
import { findInvoice } from "./find-invoice";
import type { InvoiceForWire } from "./invoice-view";
import { readFromOdoo } from "./read-from-odoo";

/**
 * The customer-portal link of an invoice the service's key may see: Odoo's page where the
 * customer reads, downloads and pays it (its payment providers, Stripe included), opened
 * with the invoice's access token, so no portal account is needed.
 * `purpose: "payment"` refuses what cannot be paid: a draft, a voided or a settled invoice.
 */
export async function invoicePortalLink(options: {
  db: DbOrTx;
  odoo: () => OdooClient;
  serviceId: string;
  lagoId: string;
  portalBaseUrl: string;
  purpose: "payment" | "document";
}): Promise<{ invoice: InvoiceForWire; url: URL }> {
  const invoice = await findInvoice(options);
  const move = invoice.invoice;
  if (options.purpose === "payment" && (move.state !== "posted" || move.amountResidual <= 0)) {
    throw validationFailed({ base: [move.state !== "posted" ? "invalid_status" : "invalid_payment_status"] });
  }
  const path = await readFromOdoo(() => invoicePortalPath(options.odoo(), move.id));
  return { invoice, url: new URL(path, options.portalBaseUrl) };
}
