/**
 * GET /credit_notes query parameters (Lago's CreditNoteIndex) as an Odoo credit note
 * filter. A filter Lago documents that the hub cannot answer is a 422 naming it, never
 * ignored.
 */
import { z } from "zod";
import { validationFailed } from "~/server/errors";
import { currencyParam, day, type InvoiceQuery, optional, searchTermParam } from "./invoice-query";

// Amounts are cents Odoo filters in major units per currency; the statuses and reasons are
// Lago's bookkeeping of its own credit notes, which an Odoo credit note does not carry.
const UNSUPPORTED = ["amount_from", "amount_to", "billing_entity_codes", "credit_status", "refund_status", "reason", "invoice_number", "self_billed"];

export function parseCreditNoteQuery(params: URLSearchParams): InvoiceQuery {
  const keys = [...params.keys()];
  const refused = UNSUPPORTED.filter((name) => keys.some((key) => key === name || key.startsWith(`${name}[`)));
  if (refused.length) throw validationFailed(Object.fromEntries(refused.map((name) => [name, ["filter_not_supported"]])));
  const parsed = z
    .object({ issuing_date_from: day.optional(), issuing_date_to: day.optional(), currency: currencyParam.optional(), search_term: searchTermParam.optional() })
    .parse({
      issuing_date_from: optional(params, "issuing_date_from"),
      issuing_date_to: optional(params, "issuing_date_to"),
      currency: optional(params, "currency"),
      search_term: optional(params, "search_term") || undefined,
    });
  return {
    externalCustomerId: optional(params, "external_customer_id"),
    filter: { moveTypes: ["out_refund"], invoiceDateFrom: parsed.issuing_date_from, invoiceDateTo: parsed.issuing_date_to, currency: parsed.currency, searchTerm: parsed.search_term },
  };
}
