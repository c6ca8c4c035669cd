import { describe, expect, it } from "vitest";
import { proratedFeeCents } from "./prorate-fee";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const fee = (input: Partial<Parameters<typeof proratedFeeCents>[0]> & { at: Date; subscriptionAt: Date }) =>
  proratedFeeCents({ amountCents: 12000n, interval: "yearly", billingTime: "calendar", terminatedAt: null, ...input });

describe("proratedFeeCents (Lago's pro rata subscription fee)", () => {
  it("a yearly calendar member who joins on December 1 pays 31/365 of the year, then whole years", () => {
    expect(fee({ subscriptionAt: d("2026-12-01"), at: d("2026-12-15") })).toBe(1019n); // 120 × 31/365 = 10.19
    expect(fee({ subscriptionAt: d("2026-12-01"), at: d("2027-06-01") })).toBe(12000n);
  });

  it("counts the days of the calendar year the period lies in (a leap year has 366)", () => {
    expect(fee({ subscriptionAt: d("2028-12-01"), at: d("2028-12-02") })).toBe(1016n); // 120 × 31/366 = 10.16
  });

  it("a monthly calendar subscription started on the 15th of a 31-day month pays 17/31", () => {
    expect(fee({ amountCents: 3100n, interval: "monthly", subscriptionAt: d("2026-01-15"), at: d("2026-01-20") })).toBe(1700n);
    expect(fee({ amountCents: 3100n, interval: "monthly", subscriptionAt: d("2026-01-31"), at: d("2026-01-31") })).toBe(100n);
  });

  it("counts whole days from the start day, whatever the hour", () => {
    expect(fee({ amountCents: 3100n, interval: "monthly", subscriptionAt: new Date("2026-01-15T18:30:00Z"), at: d("2026-01-20") })).toBe(1700n);
  });

  it("bills a terminated period up to and including the termination day", () => {
    const terminatedAt = new Date("2026-02-10T12:00:00Z");
    expect(fee({ amountCents: 2800n, interval: "monthly", subscriptionAt: d("2026-01-01"), terminatedAt, at: d("2026-02-10") })).toBe(1000n); // 10/28
    expect(fee({ amountCents: 2800n, interval: "monthly", subscriptionAt: d("2026-01-01"), terminatedAt, at: d("2026-01-20") })).toBe(2800n);
  });

  it("an anniversary period is whole; calendar quarters and weeks prorate on their own length", () => {
    expect(fee({ interval: "monthly", billingTime: "anniversary", subscriptionAt: d("2026-01-15"), at: d("2026-01-20") })).toBe(12000n);
    expect(fee({ amountCents: 9000n, interval: "quarterly", subscriptionAt: d("2026-03-02"), at: d("2026-03-02") })).toBe(3000n); // 30 of Q1's 90 days
    expect(fee({ amountCents: 700n, interval: "weekly", subscriptionAt: d("2026-12-02"), at: d("2026-12-02") })).toBe(500n); // Wednesday to Sunday
  });

  it("rounds half up to the cent", () => {
    expect(fee({ amountCents: 1n, interval: "monthly", subscriptionAt: d("2026-01-16"), at: d("2026-01-16") })).toBe(1n); // 16/31 of a cent
    expect(fee({ amountCents: 1n, interval: "monthly", subscriptionAt: d("2026-01-17"), at: d("2026-01-17") })).toBe(0n); // 15/31
  });
});
