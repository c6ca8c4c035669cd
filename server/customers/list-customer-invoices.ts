import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { listInvoices, type OdooClient, type OdooInvoice } from "~/server/odoo";
import { askOdoo, type OdooUnanswered } from "./ask-odoo";

const SHOWN = 20;

/** Why a customer page shows no invoices, or the invoices. Never a thrown error: the page says what happened. */
export type CustomerInvoices =
  | { status: "ok"; invoices: Array<Omit<OdooInvoice, "lines">> }
  | { status: "no_partner" }
  | OdooUnanswered;

/**
 * The billing customer's Odoo invoices and refunds (latest first), read from Odoo through
 * the hub's client. `odoo` is a thunk so "Odoo is not configured" is an answer, not a
 * failure; an unreachable or refusing Odoo is reported the same way.
 */
export async function listCustomerInvoices(options: { db: DbOrTx; id: string; odoo: () => OdooClient }): Promise<CustomerInvoices> {
  const customer = await options.db.billingCustomer.findUnique({ where: { id: options.id }, select: { odooPartnerId: true } });
  if (!customer) throw notFound("billing_customer");
  const partnerId = customer.odooPartnerId;
  if (partnerId === null) return { status: "no_partner" };
  const answer = await askOdoo(options.odoo, (odoo) => listInvoices(odoo, { partnerId }));
  if (answer.status !== "ok") return answer;
  return { status: "ok", invoices: answer.value.reverse().slice(0, SHOWN).map(({ lines: _lines, ...invoice }) => invoice) };
}
