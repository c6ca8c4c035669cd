import { describe, expect, it } from "vitest";
import { nextMonthBoundary, type SubscriptionAtCutover, subscriptionsOffBoundary } from "./cutover-boundary";

const at = new Date("2027-01-01T00:00:00Z");
const sub = (externalId: string, overrides: Partial<SubscriptionAtCutover> = {}): SubscriptionAtCutover => ({
  externalId, interval: "monthly", billingTime: "calendar", subscriptionAt: new Date("2026-03-17T09:00:00Z"), ...overrides,
});

describe("nextMonthBoundary", () => {
  it("is the next 1st of a month at midnight UTC", () => {
    expect(nextMonthBoundary(new Date("2026-12-02T21:00:00Z"))).toEqual(at);
    expect(nextMonthBoundary(new Date("2026-12-31T23:59:59.999Z"))).toEqual(at);
  });
  it("is the following month's start when now is exactly a boundary", () => {
    expect(nextMonthBoundary(at)).toEqual(new Date("2027-02-01T00:00:00Z"));
  });
});

describe("subscriptionsOffBoundary", () => {
  it("accepts calendar monthly, quarterly and yearly plans on January 1st", () => {
    expect(subscriptionsOffBoundary([sub("m"), sub("q", { interval: "quarterly" }), sub("y", { interval: "yearly" }), sub("m2", { subscriptionAt: new Date("2025-12-01T00:00:00Z") })], at)).toEqual([]);
  });
  it("refuses a calendar quarterly plan on a month that does not open a quarter", () => {
    const february = new Date("2027-02-01T00:00:00Z");
    expect(subscriptionsOffBoundary([sub("m"), sub("q", { interval: "quarterly" })], february)).toEqual([
      { externalId: "q", why: "its quarterly period turns on 2027-01-01T00:00:00.000Z, not at the cutover" },
    ]);
  });
  it("refuses an anniversary plan whose day is not the cutover's, and accepts one whose is", () => {
    const off = sub("a17", { billingTime: "anniversary" });
    const on = sub("a1", { billingTime: "anniversary", subscriptionAt: new Date("2026-05-01T00:00:00Z") });
    expect(subscriptionsOffBoundary([off, on], at).map((s) => s.externalId)).toEqual(["a17"]);
  });
  it("refuses a weekly calendar plan unless the cutover is a Monday", () => {
    const weekly = sub("w", { interval: "weekly" });
    expect(subscriptionsOffBoundary([weekly], at)).toHaveLength(1); // 2027-01-01 is a Friday
    expect(subscriptionsOffBoundary([weekly], new Date("2027-01-04T00:00:00Z"))).toEqual([]);
  });
  it("refuses a subscription that starts at or after the cutover", () => {
    expect(subscriptionsOffBoundary([sub("late", { subscriptionAt: at })], at)[0]!.why).toMatch(/starts at or after/);
  });
});
