/**
 * GET /invoices query parameters (Lago's names, lago-javascript-client's findAllInvoices)
 * as an Odoo invoice filter. A filter Lago documents that Odoo cannot answer is a 422
 * naming it, never ignored: an app that filters must not get the unfiltered list.
 */
import { z } from "zod";
import { validationFailed } from "~/server/errors";
import type { InvoiceFilter } from "~/server/odoo";
import { PAYMENT_STATES } from "~/server/odoo/models/account-move";
import { SUCCEEDED_PAYMENT_STATES } from "./invoice-wire";

// Amounts are cents of the invoice's currency, which Odoo filters in major units per currency;
// the others name Lago features the hub has no counterpart for.
const UNSUPPORTED = ["amount_from", "amount_to", "payment_dispute_lost", "settlements", "self_billed", "billing_entity_codes", "purchase_order_number", "metadata"];

export const day = z.string({ error: "invalid_date" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalid_date" }).refine((v) => !Number.isNaN(Date.parse(v)), { error: "invalid_date" });
export const currencyParam = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, { error: "value_is_invalid" });
export const searchTermParam = z.string().trim().max(255, { error: "value_is_too_long" });
const bool = z.enum(["true", "false"], { error: "value_is_invalid" }).transform((v) => v === "true");
const statuses = z.array(z.enum(["draft", "finalized", "voided", "failed", "pending"], { error: "value_is_invalid" }));
const paymentStatuses = z.array(z.enum(["pending", "succeeded", "failed"], { error: "value_is_invalid" }));

const ODOO_STATE = { draft: "draft", finalized: "posted", voided: "cancel" } as const;
const PENDING_PAYMENT_STATES = PAYMENT_STATES.filter((s) => !(SUCCEEDED_PAYMENT_STATES as readonly string[]).includes(s));

/** Both Lago spellings: `statuses[]=a&statuses[]=b` (the client) and `status=a` (older docs). */
const listParam = (params: URLSearchParams, name: string, alias: string) => {
  const values = [...params.getAll(`${name}[]`), ...params.getAll(name), ...params.getAll(alias)];
  return values.length ? values : undefined;
};
export const optional = (params: URLSearchParams, name: string) => params.get(name) ?? undefined;

export interface InvoiceQuery {
  externalCustomerId?: string;
  filter: Omit<InvoiceFilter, "orderIds">;
}

export function parseInvoiceQuery(params: URLSearchParams, today: string): InvoiceQuery {
  const keys = [...params.keys()];
  const refused = UNSUPPORTED.filter((name) => keys.some((key) => key === name || key.startsWith(`${name}[`)));
  if (refused.length) throw validationFailed(Object.fromEntries(refused.map((name) => [name, ["filter_not_supported"]])));
  const parsed = z
    .object({
      issuing_date_from: day.optional(),
      issuing_date_to: day.optional(),
      statuses: statuses.optional(),
      payment_statuses: paymentStatuses.optional(),
      payment_overdue: bool.optional(),
      partially_paid: bool.optional(),
      currency: currencyParam.optional(),
      search_term: searchTermParam.optional(),
      invoice_type: z.enum(["subscription", "add_on", "credit", "one_off", "advance_charges", "progressive_billing"], { error: "value_is_invalid" }).optional(),
    })
    .parse({
      issuing_date_from: optional(params, "issuing_date_from"),
      issuing_date_to: optional(params, "issuing_date_to"),
      statuses: listParam(params, "statuses", "status"),
      payment_statuses: listParam(params, "payment_statuses", "payment_status"),
      payment_overdue: optional(params, "payment_overdue"),
      partially_paid: optional(params, "partially_paid"),
      currency: optional(params, "currency"),
      search_term: optional(params, "search_term") || undefined,
      invoice_type: optional(params, "invoice_type"),
    });
  const filter: InvoiceQuery["filter"] = { moveTypes: ["out_invoice"], invoiceDateFrom: parsed.issuing_date_from, invoiceDateTo: parsed.issuing_date_to, currency: parsed.currency, searchTerm: parsed.search_term };
  // Lago's failed/pending invoice statuses (a failed tax or PSP sync) and a failed payment
  // status have no Odoo state: asked alone they match nothing, as they would in Lago here.
  if (parsed.statuses) filter.states = [...new Set(parsed.statuses.flatMap((s) => (s in ODOO_STATE ? [ODOO_STATE[s as keyof typeof ODOO_STATE]] : [])))];
  if (parsed.payment_statuses) {
    filter.paymentStates = [...new Set(parsed.payment_statuses.flatMap((s) => (s === "succeeded" ? [...SUCCEEDED_PAYMENT_STATES] : s === "pending" ? PENDING_PAYMENT_STATES : [])))];
  }
  if (parsed.partially_paid !== undefined) {
    const partial: InvoiceFilter["paymentStates"] & {} = parsed.partially_paid ? ["partial"] : PAYMENT_STATES.filter((s) => s !== "partial");
    filter.paymentStates = filter.paymentStates ? filter.paymentStates.filter((s) => partial.includes(s)) : [...partial];
  }
  if (parsed.payment_overdue !== undefined) filter.overdue = { today, value: parsed.payment_overdue };
  // Every invoice the hub answers for bills a subscription.
  if (parsed.invoice_type && parsed.invoice_type !== "subscription") filter.ids = [];
  return { externalCustomerId: optional(params, "external_customer_id"), filter };
}
