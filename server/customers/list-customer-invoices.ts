import type { DbOrTx } from "~/server/db/client";
import { AppError, notFound } from "~/server/errors";
import { isOdooError, listInvoices, type OdooClient, type OdooInvoice } from "~/server/odoo";

const SHOWN = 20;

/** Why a customer page shows no invoices, or the invoices. Never a thrown error: the page says what happened. */
export type CustomerInvoices =
  | { status: "ok"; invoices: Array<Omit<OdooInvoice, "lines">> }
  | { status: "no_partner" }
  | { status: "not_configured"; message: string }
  | { status: "unavailable"; message: string };

/**
 * The billing customer's Odoo invoices and refunds (latest first), read from Odoo through
 * the hub's client. `odoo` is a thunk so "Odoo is not configured" is an answer, not a
 * failure; an unreachable or refusing Odoo is reported the same way.
 */
export async function listCustomerInvoices(options: { db: DbOrTx; id: string; odoo: () => OdooClient }): Promise<CustomerInvoices> {
  const customer = await options.db.billingCustomer.findUnique({ where: { id: options.id }, select: { odooPartnerId: true } });
  if (!customer) throw notFound("billing_customer");
  if (customer.odooPartnerId === null) return { status: "no_partner" };
  let odoo: OdooClient;
  try {
    odoo = options.odoo();
  } catch (error) {
    if (error instanceof AppError && error.code === "unavailable") return { status: "not_configured", message: error.message };
    throw error;
  }
  try {
    const invoices = await listInvoices(odoo, { partnerId: customer.odooPartnerId });
    return {
      status: "ok",
      invoices: invoices.reverse().slice(0, SHOWN).map(({ lines: _lines, ...invoice }) => invoice),
    };
  } catch (error) {
    if (isOdooError(error)) return { status: "unavailable", message: error.message };
    throw error;
  }
}
