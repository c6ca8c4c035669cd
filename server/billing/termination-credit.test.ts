import { describe, expect, it } from "vitest";
import { terminationCredit } from "./termination-credit";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const credit = (input: Partial<Parameters<typeof terminationCredit>[0]> & { terminatedAt: Date }) =>
  terminationCredit({ amountCents: 3100n, interval: "monthly", billingTime: "calendar", subscriptionAt: d("2026-01-01"), billedCents: 3100n, ...input });

describe("terminationCredit (Lago's credit note for unused prepaid days)", () => {
  it("credits the days after the termination day: ended Feb 10 of a 28.00 month, 18 of 28 days", () => {
    expect(credit({ amountCents: 2800n, billedCents: 2800n, terminatedAt: new Date("2026-02-10T12:00:00Z") })).toEqual({
      amountCents: 1800n, unused: { start: d("2026-02-11"), end: d("2026-03-01") }, unusedDays: 18, periodDays: 28,
    });
  });

  it("rounds half up to the cent: 31.00 × 18/28 = 19.93", () => {
    expect(credit({ terminatedAt: new Date("2026-02-10T12:00:00Z") })?.amountCents).toBe(1993n);
  });

  it("uses the termination day whatever the hour, and credits nothing for an end on the period's last day", () => {
    expect(credit({ terminatedAt: d("2026-01-31") })).toBeNull();
    expect(credit({ terminatedAt: new Date("2026-01-31T23:59:59Z") })).toBeNull();
    expect(credit({ terminatedAt: d("2026-01-30") })?.amountCents).toBe(100n); // 1 of 31 days
  });

  it("prices a day on the whole calendar period, also in a partial first period, and never credits more than was billed", () => {
    // A yearly member from December 1 billed 10.19 for December, ended December 10: 21 of 365 days of 120.00 = 6.90.
    const yearly = { amountCents: 12000n, interval: "yearly" as const, subscriptionAt: d("2025-12-01"), billedCents: 1019n };
    expect(credit({ ...yearly, terminatedAt: d("2025-12-10") })?.amountCents).toBe(690n);
    // The cap: what was billed, less what was credited before.
    expect(credit({ ...yearly, billedCents: 500n, terminatedAt: d("2025-12-10") })?.amountCents).toBe(500n);
    expect(credit({ ...yearly, alreadyCreditedCents: 1019n, terminatedAt: d("2025-12-10") })).toBeNull();
  });

  it("counts an anniversary period's own days, and a calendar week's and quarter's", () => {
    // January 15 to February 14 is 31 days; ended on January 20: 25 unused.
    expect(credit({ billingTime: "anniversary", subscriptionAt: d("2026-01-15"), terminatedAt: d("2026-01-20") })).toMatchObject({ amountCents: 2500n, unusedDays: 25, periodDays: 31 });
    // Wednesday of a 7.00 week: Thursday to Sunday.
    expect(credit({ amountCents: 700n, billedCents: 700n, interval: "weekly", terminatedAt: d("2026-12-02") })?.amountCents).toBe(400n);
    // Q1 2026 has 90 days; ended March 1: 30 unused of 90.00.
    expect(credit({ amountCents: 9000n, billedCents: 9000n, interval: "quarterly", terminatedAt: d("2026-03-01") })?.amountCents).toBe(3000n);
  });

  it("credits nothing when no fee was billed for the period", () => {
    expect(credit({ billedCents: 0n, terminatedAt: d("2026-01-10") })).toBeNull();
  });
});
