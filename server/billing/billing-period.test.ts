import { describe, expect, it } from "vitest";
import { billingPeriodAt, type BillingTime, gridPeriodAt, type PlanInterval } from "./billing-period";

const d = (iso: string) => new Date(iso);

describe("billingPeriodAt", () => {
  const cases: Array<{ name: string; interval: PlanInterval; billingTime: BillingTime; subscriptionAt: string; at: string; start: string; end: string }> = [
    { name: "calendar month, first (prorated) period", interval: "monthly", billingTime: "calendar", subscriptionAt: "2026-03-15T10:30:00Z", at: "2026-03-20T00:00:00Z", start: "2026-03-15T10:30:00Z", end: "2026-04-01T00:00:00Z" },
    { name: "calendar month, later period", interval: "monthly", billingTime: "calendar", subscriptionAt: "2026-03-15T10:30:00Z", at: "2026-05-31T23:59:59.999Z", start: "2026-05-01T00:00:00Z", end: "2026-06-01T00:00:00Z" },
    { name: "calendar month, exactly on the boundary belongs to the next period", interval: "monthly", billingTime: "calendar", subscriptionAt: "2026-01-01T00:00:00Z", at: "2026-02-01T00:00:00Z", start: "2026-02-01T00:00:00Z", end: "2026-03-01T00:00:00Z" },
    { name: "calendar month across a year end", interval: "monthly", billingTime: "calendar", subscriptionAt: "2025-11-03T00:00:00Z", at: "2026-12-31T12:00:00Z", start: "2026-12-01T00:00:00Z", end: "2027-01-01T00:00:00Z" },
    { name: "anniversary month", interval: "monthly", billingTime: "anniversary", subscriptionAt: "2026-01-15T08:00:00Z", at: "2026-03-14T23:00:00Z", start: "2026-02-15T00:00:00Z", end: "2026-03-15T00:00:00Z" },
    { name: "anniversary month, first period starts at the subscription instant", interval: "monthly", billingTime: "anniversary", subscriptionAt: "2026-01-15T08:00:00Z", at: "2026-01-20T00:00:00Z", start: "2026-01-15T08:00:00Z", end: "2026-02-15T00:00:00Z" },
    { name: "anniversary on the 31st clamps to February's last day", interval: "monthly", billingTime: "anniversary", subscriptionAt: "2026-01-31T00:00:00Z", at: "2026-02-28T12:00:00Z", start: "2026-02-28T00:00:00Z", end: "2026-03-31T00:00:00Z" },
    { name: "anniversary on the 31st, leap year", interval: "monthly", billingTime: "anniversary", subscriptionAt: "2028-01-31T00:00:00Z", at: "2028-02-10T00:00:00Z", start: "2028-01-31T00:00:00Z", end: "2028-02-29T00:00:00Z" },
    { name: "anniversary on the 31st returns to the 31st", interval: "monthly", billingTime: "anniversary", subscriptionAt: "2026-01-31T00:00:00Z", at: "2026-04-01T00:00:00Z", start: "2026-03-31T00:00:00Z", end: "2026-04-30T00:00:00Z" },
    { name: "calendar week starts on Monday", interval: "weekly", billingTime: "calendar", subscriptionAt: "2026-11-04T00:00:00Z", at: "2026-11-22T23:00:00Z", start: "2026-11-16T00:00:00Z", end: "2026-11-23T00:00:00Z" },
    { name: "anniversary week", interval: "weekly", billingTime: "anniversary", subscriptionAt: "2026-11-04T09:00:00Z", at: "2026-11-18T00:00:00Z", start: "2026-11-18T00:00:00Z", end: "2026-11-25T00:00:00Z" },
    { name: "calendar quarter", interval: "quarterly", billingTime: "calendar", subscriptionAt: "2026-02-10T00:00:00Z", at: "2026-08-15T00:00:00Z", start: "2026-07-01T00:00:00Z", end: "2026-10-01T00:00:00Z" },
    { name: "calendar half-year", interval: "semiannual", billingTime: "calendar", subscriptionAt: "2026-02-10T00:00:00Z", at: "2026-12-15T00:00:00Z", start: "2026-07-01T00:00:00Z", end: "2027-01-01T00:00:00Z" },
    { name: "calendar year", interval: "yearly", billingTime: "calendar", subscriptionAt: "2024-06-10T00:00:00Z", at: "2026-12-31T23:59:59Z", start: "2026-01-01T00:00:00Z", end: "2027-01-01T00:00:00Z" },
    { name: "anniversary year from 29 February", interval: "yearly", billingTime: "anniversary", subscriptionAt: "2028-02-29T00:00:00Z", at: "2029-03-01T00:00:00Z", start: "2029-02-28T00:00:00Z", end: "2030-02-28T00:00:00Z" },
  ];

  it.each(cases)("$name", ({ interval, billingTime, subscriptionAt, at, start, end }) => {
    const period = billingPeriodAt({ interval, billingTime, subscriptionAt: d(subscriptionAt), at: d(at) });
    expect(period.start.toISOString()).toBe(d(start).toISOString());
    expect(period.end.toISOString()).toBe(d(end).toISOString());
  });

  it("periods are contiguous and half-open over two years of months", () => {
    const subscriptionAt = d("2026-01-31T00:00:00Z");
    let at = subscriptionAt;
    for (let i = 0; i < 24; i++) {
      const period = billingPeriodAt({ interval: "monthly", billingTime: "anniversary", subscriptionAt, at });
      expect(period.start.getTime()).toBeLessThanOrEqual(at.getTime());
      expect(period.end.getTime()).toBeGreaterThan(at.getTime());
      const next = billingPeriodAt({ interval: "monthly", billingTime: "anniversary", subscriptionAt, at: period.end });
      expect(next.start.toISOString()).toBe(period.end.toISOString());
      at = period.end;
    }
  });

  it("rejects an instant before the subscription", () => {
    expect(() =>
      billingPeriodAt({ interval: "monthly", billingTime: "calendar", subscriptionAt: d("2026-03-01T00:00:00Z"), at: d("2026-02-01T00:00:00Z") }),
    ).toThrow(RangeError);
  });
});

describe("gridPeriodAt", () => {
  const d = (iso: string) => new Date(iso);
  it.each([
    ["calendar month, mid-month start", "monthly", "calendar", "2026-10-15T09:30:00Z", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"],
    ["calendar week, Thursday start", "weekly", "calendar", "2026-11-19T12:00:00Z", "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z"],
    ["calendar quarter", "quarterly", "calendar", "2026-05-20T00:00:00Z", "2026-04-01T00:00:00Z", "2026-07-01T00:00:00Z"],
    ["anniversary month starts on the subscription day", "monthly", "anniversary", "2026-10-15T09:30:00Z", "2026-10-15T00:00:00Z", "2026-11-15T00:00:00Z"],
  ] as const)("%s", (_name, interval, billingTime, subscriptionAt, start, end) => {
    const at = d(subscriptionAt);
    expect(gridPeriodAt({ interval, billingTime, subscriptionAt: at, at })).toEqual({ start: d(start), end: d(end) });
    // The billing period is the same grid cell, truncated to the subscription start.
    expect(billingPeriodAt({ interval, billingTime, subscriptionAt: at, at }).end).toEqual(d(end));
  });
});
