import { describe, expect, it } from "vitest";
import { planHistoryAfterChange, planOfPeriod } from "./plan-of-period";

const at = (iso: string) => new Date(`${iso}Z`);
const february = { start: at("2026-02-01T00:00:00"), end: at("2026-03-01T00:00:00") };
const march = { start: at("2026-03-01T00:00:00"), end: at("2026-04-01T00:00:00") };

describe("planOfPeriod", () => {
  const changedAt = (iso: string | null) => ({ plan: "B", previousPlan: iso ? "A" : null, planChangedAt: iso ? at(iso) : null });
  it.each([
    // Never changed: the plan.
    [changedAt(null), february, "B"],
    // Changed mid-February: February is the new plan's, January the old one's.
    [changedAt("2026-02-10T12:00:00"), february, "B"],
    [changedAt("2026-02-10T12:00:00"), { end: february.start }, "A"],
    // Changed at the boundary or just after it: February ran on the old plan, March on the new.
    [changedAt("2026-03-01T00:00:00"), february, "A"],
    [changedAt("2026-03-01T00:30:00"), february, "A"],
    [changedAt("2026-03-01T00:30:00"), march, "B"],
  ] as const)("%j, period ending %s → %s", (history, period, expected) => {
    expect(planOfPeriod(history, period)).toBe(expected);
  });
});

describe("planHistoryAfterChange", () => {
  const subscription = (previousPlanId: string | null, planChangedAt: string | null) => ({
    planId: "B", previousPlanId, planChangedAt: planChangedAt ? at(planChangedAt) : null,
    subscriptionAt: at("2026-01-01T00:00:00"), billingTime: "calendar" as const, plan: { interval: "monthly" as const },
  });

  it("remembers the plan left and when", () => {
    expect(planHistoryAfterChange(subscription(null, null), at("2026-03-01T00:30:00"))).toEqual({ previousPlanId: "B", planChangedAt: at("2026-03-01T00:30:00") });
  });

  it("keeps the first change of a period: the period before stays on the plan it ran on", () => {
    expect(planHistoryAfterChange(subscription("A", "2026-03-01T00:10:00"), at("2026-03-01T00:20:00"))).toEqual({ previousPlanId: "A", planChangedAt: at("2026-03-01T00:10:00") });
  });

  it("replaces a change of an earlier period", () => {
    expect(planHistoryAfterChange(subscription("A", "2026-02-10T00:00:00"), at("2026-03-05T00:00:00"))).toEqual({ previousPlanId: "B", planChangedAt: at("2026-03-05T00:00:00") });
  });

  it("keeps nothing for a subscription that has not started", () => {
    expect(planHistoryAfterChange({ ...subscription(null, null), subscriptionAt: at("2026-06-01T00:00:00") }, at("2026-03-05T00:00:00"))).toEqual({ previousPlanId: null, planChangedAt: null });
  });
});
