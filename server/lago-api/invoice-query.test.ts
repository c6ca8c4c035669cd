import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { parseInvoiceQuery } from "./invoice-query";

const today = "2026-12-02";
const parse = (query: string) => parseInvoiceQuery(new URLSearchParams(query), today);
const details = (query: string) => {
  try {
    parse(query);
    return null;
  } catch (error) {
    return error instanceof AppError ? error.extra.details : (error as { issues: unknown }).issues;
  }
};

describe("parseInvoiceQuery", () => {
  it.each([
    ["", { moveTypes: ["out_invoice"] }],
    ["statuses[]=finalized&statuses[]=voided", { states: ["posted", "cancel"] }],
    ["status=draft", { states: ["draft"] }],
    ["statuses[]=failed", { states: [] }],
    ["payment_statuses[]=succeeded", { paymentStates: ["paid", "in_payment"] }],
    ["payment_status=pending", { paymentStates: ["not_paid", "partial", "reversed", "blocked", "invoicing_legacy"] }],
    ["payment_statuses[]=failed", { paymentStates: [] }],
    ["payment_statuses[]=pending&partially_paid=true", { paymentStates: ["partial"] }],
    ["partially_paid=false", { paymentStates: ["not_paid", "in_payment", "paid", "reversed", "blocked", "invoicing_legacy"] }],
    ["issuing_date_from=2026-01-01&issuing_date_to=2026-01-31", { invoiceDateFrom: "2026-01-01", invoiceDateTo: "2026-01-31" }],
    ["payment_overdue=true", { overdue: { today, value: true } }],
    ["currency=cad", { currency: "CAD" }],
    ["search_term=INV%2F2026", { searchTerm: "INV/2026" }],
    ["invoice_type=subscription", {}],
    ["invoice_type=one_off", { ids: [] }],
  ])("%s → the Odoo filter", (query, expected) => {
    expect(parse(query).filter).toMatchObject(expected);
  });

  it("keeps the customer apart from Odoo's filter", () => {
    expect(parse("external_customer_id=acme")).toMatchObject({ externalCustomerId: "acme" });
  });

  it.each([
    ["amount_from=100&amount_to=200", { amount_from: ["filter_not_supported"], amount_to: ["filter_not_supported"] }],
    ["metadata[key]=x", { metadata: ["filter_not_supported"] }],
    ["settlements[]=payment", { settlements: ["filter_not_supported"] }],
    ["billing_entity_codes[]=x", { billing_entity_codes: ["filter_not_supported"] }],
  ])("refuses %s, naming the filter", (query, expected) => {
    expect(details(query)).toEqual(expected);
  });

  it.each(["issuing_date_from=yesterday", "statuses[]=paid", "payment_overdue=yes", "currency=dollars"])("rejects a bad value: %s", (query) => {
    expect(details(query)).not.toBeNull();
  });
});
