import { describe, expect, it } from "vitest";
import { planChangeTiming } from "./plan-change-timing";

const at = (iso: string) => new Date(`${iso}Z`);
const subscription = (amountCents: bigint, billingTime: "calendar" | "anniversary" = "calendar") => ({
  subscriptionAt: at("2026-01-17T00:00:00"), billingTime, plan: { interval: "monthly" as const, amountCents },
});

describe("planChangeTiming", () => {
  it("upgrades, and changes at the same price, at once", () => {
    expect(planChangeTiming(subscription(2900n), { amountCents: 4900n }, at("2026-03-10T12:00:00"))).toEqual({ kind: "now" });
    expect(planChangeTiming(subscription(2900n), { amountCents: 2900n }, at("2026-03-10T12:00:00"))).toEqual({ kind: "now" });
  });

  it("downgrades when the current period ends: the next 1st on the calendar, the next anniversary otherwise", () => {
    expect(planChangeTiming(subscription(4900n), { amountCents: 2900n }, at("2026-03-10T12:00:00"))).toEqual({ kind: "at_period_end", at: at("2026-04-01T00:00:00") });
    expect(planChangeTiming(subscription(4900n, "anniversary"), { amountCents: 2900n }, at("2026-03-10T12:00:00"))).toEqual({ kind: "at_period_end", at: at("2026-03-17T00:00:00") });
  });

  it("changes a subscription that has not started at once, whatever the price", () => {
    expect(planChangeTiming(subscription(4900n), { amountCents: 900n }, at("2026-01-10T00:00:00"))).toEqual({ kind: "now" });
  });
});
