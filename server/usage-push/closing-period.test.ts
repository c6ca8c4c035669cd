import { describe, expect, it } from "vitest";
import { dateFromOdoo, odooDate } from "~/server/odoo/odoo-date";
import { decideClosingPeriod, odooEndDateAfter, odooPeriodOf } from "./closing-period";

const base = {
  interval: "monthly" as const,
  billingTime: "calendar" as const,
  subscriptionAt: new Date("2026-09-15T10:00:00Z"),
  terminatedAt: null,
  leadHours: 48,
};

describe("decideClosingPeriod", () => {
  it("pushes the calendar month that ends on Odoo's next invoice date once within the lead window", () => {
    const decision = decideClosingPeriod({ ...base, nextInvoiceDate: "2026-11-01", now: new Date("2026-10-30T12:00:00Z") });
    expect(decision).toEqual({ push: true, period: { start: new Date("2026-10-01T00:00:00Z"), end: new Date("2026-11-01T00:00:00Z") } });
  });

  it("pushes the prorated first period", () => {
    const decision = decideClosingPeriod({ ...base, nextInvoiceDate: "2026-10-01", now: new Date("2026-10-01T01:00:00Z") });
    expect(decision).toEqual({ push: true, period: { start: base.subscriptionAt, end: new Date("2026-10-01T00:00:00Z") } });
  });

  it("keeps pushing after the invoice date has passed (Odoo has not invoiced yet)", () => {
    expect(decideClosingPeriod({ ...base, nextInvoiceDate: "2026-11-01", now: new Date("2026-11-20T00:00:00Z") }).push).toBe(true);
  });

  it("waits while the invoice is beyond the lead window", () => {
    expect(decideClosingPeriod({ ...base, nextInvoiceDate: "2026-11-01", now: new Date("2026-10-29T23:59:59Z") })).toMatchObject({ push: false, reason: "not_due" });
  });

  it("has nothing to bill when Odoo's first invoice opens the subscription", () => {
    const decision = decideClosingPeriod({ ...base, subscriptionAt: new Date("2026-11-01T00:00:00Z"), nextInvoiceDate: "2026-11-01", now: new Date("2026-11-01T00:00:00Z") });
    expect(decision).toMatchObject({ push: false, reason: "nothing_to_bill" });
  });

  it("refuses to guess when Odoo's invoice date is not a hub period boundary", () => {
    expect(decideClosingPeriod({ ...base, nextInvoiceDate: "2026-11-15", now: new Date("2026-11-14T00:00:00Z") })).toMatchObject({ push: false, reason: "misaligned" });
  });

  it("bills a subscription terminated mid-period for that period, and nothing after", () => {
    const terminatedAt = new Date("2026-10-20T00:00:00Z");
    expect(decideClosingPeriod({ ...base, terminatedAt, nextInvoiceDate: "2026-11-01", now: new Date("2026-10-31T00:00:00Z") }).push).toBe(true);
    expect(decideClosingPeriod({ ...base, terminatedAt, nextInvoiceDate: "2026-12-01", now: new Date("2026-11-30T00:00:00Z") })).toMatchObject({ push: false, reason: "already_billed" });
  });

  it("handles anniversary weekly periods", () => {
    const decision = decideClosingPeriod({ ...base, interval: "weekly", billingTime: "anniversary", subscriptionAt: new Date("2026-11-04T00:00:00Z"), nextInvoiceDate: "2026-11-18", now: new Date("2026-11-17T00:00:00Z") });
    expect(decision).toEqual({ push: true, period: { start: new Date("2026-11-11T00:00:00Z"), end: new Date("2026-11-18T00:00:00Z") } });
  });
});

describe("Odoo dates and periods", () => {
  it("round-trips days as UTC midnight", () => {
    expect(odooDate(new Date("2026-11-24T23:59:59Z"))).toBe("2026-11-24");
    expect(dateFromOdoo("2026-11-24").toISOString()).toBe("2026-11-24T00:00:00.000Z");
  });
  it.each([
    ["weekly", { value: 1, unit: "week" }],
    ["monthly", { value: 1, unit: "month" }],
    ["quarterly", { value: 3, unit: "month" }],
    ["semiannual", { value: 6, unit: "month" }],
    ["yearly", { value: 1, unit: "year" }],
  ] as const)("maps %s to Odoo's plan period", (interval, period) => expect(odooPeriodOf(interval)).toEqual(period));
});

describe("odooEndDateAfter", () => {
  const period = (start: string, end: string) => ({ start: new Date(`${start}T00:00:00Z`), end: new Date(`${end}T00:00:00Z`) });
  it.each([
    ["a month: a week after the final invoice date", period("2026-12-01", "2027-01-01"), "2027-01-08"],
    ["February still leaves a week", period("2027-02-01", "2027-03-01"), "2027-03-08"],
    ["a week: six days, before the next weekly invoice", period("2026-11-09", "2026-11-16"), "2026-11-22"],
    ["a year: a week", period("2026-01-01", "2027-01-01"), "2027-01-08"],
  ])("%s", (_name, finalPeriod, expected) => {
    const endDate = odooEndDateAfter(finalPeriod);
    expect(endDate).toBe(expected);
    // Odoo closes on end_date, before invoicing that day: never on the final invoice date.
    expect(endDate > odooDate(finalPeriod.end)).toBe(true);
  });
});
