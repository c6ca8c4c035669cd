import { describe, expect, it } from "vitest";
import { matchOdooLine, type OdooLineMatch, type OdooLookup } from "./match-odoo-line";

const lookup: OdooLookup = {
  metricCodeByProductId: new Map([[501, "api_calls"], [502, "storage_gb"]]),
  planFeeByProductId: new Map([[601, { planCode: "cloud_yearly", payInAdvance: true }]]),
  orderIdBySaleLineId: new Map([[9001, 70], [9002, 71], [9003, 99]]),
  accountByOrderId: new Map([[70, { serviceCode: "cloud", customerKey: "acme" }], [71, { serviceCode: "desk", customerKey: "beta" }]]),
  accountsByPartnerId: new Map([
    [40, [{ serviceCode: "cloud", customerKey: "acme" }]],
    [41, [{ serviceCode: "cloud", customerKey: "gamma" }, { serviceCode: "desk", customerKey: "gamma-desk" }]],
  ]),
};

type Line = Parameters<typeof matchOdooLine>[0];
type Case = [name: string, line: Line, partnerId: number | null, expected: OdooLineMatch];

const CASES: Case[] = [
  ["product and order", { productId: 501, name: "API calls usage [api_calls]", saleLineIds: [9001] }, 40,
    { matched: true, serviceCode: "cloud", customerKey: "acme", chargeKey: "api_calls", via: { charge: "product", customer: "order" } }],
  ["product wins over a stale name", { productId: 502, name: "Renamed usage [api_calls]", saleLineIds: [9002] }, null,
    { matched: true, serviceCode: "desk", customerKey: "beta", chargeKey: "storage_gb", via: { charge: "product", customer: "order" } }],
  ["unknown product: code from the name", { productId: 777, name: "GB hours usage [gb_hours]", saleLineIds: [9001] }, null,
    { matched: true, serviceCode: "cloud", customerKey: "acme", chargeKey: "gb_hours", via: { charge: "name", customer: "order" } }],
  ["no product at all: code from the name", { productId: null, name: "x usage [seats] ", saleLineIds: [9001] }, null,
    { matched: true, serviceCode: "cloud", customerKey: "acme", chargeKey: "seats", via: { charge: "name", customer: "order" } }],
  ["unknown order: the partner's only account", { productId: 501, name: null, saleLineIds: [9003] }, 40,
    { matched: true, serviceCode: "cloud", customerKey: "acme", chargeKey: "api_calls", via: { charge: "product", customer: "partner" } }],
  ["no sale line: the partner's only account", { productId: 501, name: null, saleLineIds: [] }, 40,
    { matched: true, serviceCode: "cloud", customerKey: "acme", chargeKey: "api_calls", via: { charge: "product", customer: "partner" } }],
  ["second sale line resolves", { productId: 501, name: null, saleLineIds: [12345, 9002] }, null,
    { matched: true, serviceCode: "desk", customerKey: "beta", chargeKey: "api_calls", via: { charge: "product", customer: "order" } }],
  ["code from the first line; the units and Odoo's period text below it are ignored",
    { productId: null, name: "GB hours usage [gb_hours]\n240 units, 100 included, 140 billed (2026-10-01 to 2026-10-31)\n10/01/2026 to 10/31/2026", saleLineIds: [9001] }, null,
    { matched: true, serviceCode: "cloud", customerKey: "acme", chargeKey: "gb_hours", via: { charge: "name", customer: "order" } }],
  ["a bracket on a later line is not a code", { productId: null, name: "Manual fee\nsee [ticket_42]", saleLineIds: [9001] }, 40, { matched: false, reason: "not_a_usage_line" }],
  ["a product the hub does not know is not its line", { productId: 600, name: "Cloud", saleLineIds: [9001] }, 40, { matched: false, reason: "not_a_usage_line" }],
  ["a plan's fee product: the plan's subscription fee", { productId: 601, name: "[nexa-plan-cloud_yearly] Cloud", saleLineIds: [9001] }, 40,
    { matched: true, serviceCode: "cloud", customerKey: "acme", chargeKey: "plan:cloud_yearly", via: { charge: "plan_fee", customer: "order" } }],
  ["bracket not at the end is not a code", { productId: null, name: "[promo] discount", saleLineIds: [] }, 40, { matched: false, reason: "not_a_usage_line" }],
  ["unknown partner", { productId: 501, name: null, saleLineIds: [] }, 999, { matched: false, reason: "unknown_customer", chargeKey: "api_calls" }],
  ["no partner", { productId: 501, name: null, saleLineIds: [] }, null, { matched: false, reason: "unknown_customer", chargeKey: "api_calls" }],
  ["partner with several accounts", { productId: 501, name: null, saleLineIds: [] }, 41, { matched: false, reason: "ambiguous_customer", chargeKey: "api_calls" }],
];

describe("matchOdooLine", () => {
  it.each(CASES)("%s", (_name, line, partnerId, expected) => {
    expect(matchOdooLine(line, { partnerId }, lookup)).toEqual(expected);
  });
});
