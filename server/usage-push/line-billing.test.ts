import { describe, expect, it } from "vitest";
import type { InvoicedServicePeriod } from "~/server/odoo";
import { feeLineTarget, invoicedAmountCents, invoicedOn, lastOdooDayOf } from "./line-billing";

const line = (saleLineId: number, start: string | null, end: string | null, quantity = 1, priceUnit = 10): InvoicedServicePeriod =>
  ({ moveId: 1, saleLineIds: [saleLineId], start, end, quantity, priceUnit, taxIds: [], name: "" });
const february = { start: new Date("2026-02-01T00:00:00Z"), end: new Date("2026-03-01T00:00:00Z") };

describe("invoicedOn", () => {
  it.each([
    ["the period's last day inside the line's period", [line(7, "2026-02-01", "2026-02-28")], 7, "2026-02-28", true],
    ["another sale line", [line(8, "2026-02-01", "2026-02-28")], 7, "2026-02-28", false],
    ["the previous period only", [line(7, "2026-01-01", "2026-01-31")], 7, "2026-02-28", false],
    ["a line without service dates", [line(7, null, null)], 7, "2026-02-28", false],
    ["the first day of the period", [line(7, "2026-02-01", "2026-02-28")], 7, "2026-02-01", true],
  ])("%s", (_case, invoiced, lineId, day, expected) => {
    expect(Boolean(invoicedOn(invoiced, lineId, day))).toBe(expected);
  });
});

describe("feeLineTarget", () => {
  const base = { feeLineId: 3, invoiced: [] as InvoicedServicePeriod[], closedByOdoo: false, finalPeriod: null };
  it.each([
    ["a running postpaid fee", { ...base, payInAdvance: false }, { product_uom_qty: 1, qty_delivered: 1 }],
    ["a running prepaid fee", { ...base, payInAdvance: true }, { product_uom_qty: 1 }],
    ["closed by Odoo", { ...base, payInAdvance: false, closedByOdoo: true }, { product_uom_qty: 0, qty_delivered: 0 }],
    ["postpaid, final period not invoiced yet", { ...base, payInAdvance: false, finalPeriod: february, invoiced: [line(3, "2026-01-01", "2026-01-31")] }, { product_uom_qty: 1, qty_delivered: 1 }],
    ["postpaid, final period invoiced", { ...base, payInAdvance: false, finalPeriod: february, invoiced: [line(3, "2026-02-01", "2026-02-28")] }, { product_uom_qty: 0, qty_delivered: 0 }],
    ["prepaid, final period's opening not invoiced", { ...base, payInAdvance: true, finalPeriod: february, invoiced: [line(3, "2026-01-01", "2026-01-31")] }, { product_uom_qty: 1 }],
    ["prepaid, final period's fee invoiced at its opening", { ...base, payInAdvance: true, finalPeriod: february, invoiced: [line(3, "2026-02-01", "2026-02-28")] }, { product_uom_qty: 0 }],
  ] as const)("%s", (_case, input, expected) => {
    expect(feeLineTarget(input)).toEqual(expected);
  });
});

describe("amounts and days", () => {
  it("reads an invoice line's amount in minor units without float drift", () => {
    expect(invoicedAmountCents(line(1, null, null, 3, 0.1), "CAD")).toBe(30n);
    expect(invoicedAmountCents(line(1, null, null, 1, 1234.565), "JPY")).toBe(1235n);
  });
  it("shows a period's last day inclusive, as Odoo prints it", () => {
    expect(lastOdooDayOf(february)).toBe("2026-02-28");
  });
});
