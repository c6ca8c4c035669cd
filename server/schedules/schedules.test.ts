import { describe, expect, it } from "vitest";
import { scheduleCadences, schedulePeriod } from "./schedules";

describe("scheduleCadences", () => {
  it("keeps the defaults when nothing overrides them", () => {
    expect(scheduleCadences(undefined)).toEqual({ "usage-push": 3_600_000, webhooks: 60_000, "lago-forward": 60_000, "odoo-poll": 300_000, "migration-sync": 3_600_000, "migration-cutover": 60_000 });
  });

  it("takes seconds per schedule, 0 turning one off", () => {
    expect(scheduleCadences("webhooks=10,odoo-poll=0")).toEqual({ "usage-push": 3_600_000, webhooks: 10_000, "lago-forward": 60_000, "odoo-poll": 0, "migration-sync": 3_600_000, "migration-cutover": 60_000 });
  });

  it("refuses a schedule that does not exist, naming the ones that do", () => {
    expect(() => scheduleCadences("webhook=10")).toThrow(/no schedule is called "webhook" \(there are usage-push, webhooks, lago-forward, odoo-poll, migration-sync, migration-cutover\)/);
  });
});

describe("schedulePeriod", () => {
  const at = (iso: string) => new Date(iso);

  it.each([
    ["2026-12-02T10:00:00.000Z", 60_000, "2026-12-02T10:00:00.000Z", "2026-12-02T10:01:00.000Z"],
    ["2026-12-02T10:00:59.999Z", 60_000, "2026-12-02T10:00:00.000Z", "2026-12-02T10:01:00.000Z"],
    ["2026-12-02T10:01:00.000Z", 60_000, "2026-12-02T10:01:00.000Z", "2026-12-02T10:02:00.000Z"],
    ["2026-12-02T10:59:00.000Z", 3_600_000, "2026-12-02T10:00:00.000Z", "2026-12-02T11:00:00.000Z"],
    ["2026-12-02T10:07:30.000Z", 300_000, "2026-12-02T10:05:00.000Z", "2026-12-02T10:10:00.000Z"],
  ])("puts %s on the %i ms grid, half-open", (now, cadence, start, end) => {
    expect(schedulePeriod(at(now), cadence)).toEqual({ start: at(start), end: at(end) });
  });
});
