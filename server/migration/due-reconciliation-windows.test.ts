import { describe, expect, it } from "vitest";
import { dueReconciliationWindows, RECONCILE_SETTLE_MS } from "./due-reconciliation-windows";

const at = (iso: string) => new Date(iso);
const month = (start: string, end: string) => ({ start: at(`${start}T00:00:00Z`), end: at(`${end}T00:00:00Z`) });
const days = (due: ReturnType<typeof dueReconciliationWindows>) => due.map((window) => `${window.start.toISOString().slice(0, 10)}..${window.end.toISOString().slice(0, 10)}`);

describe("dueReconciliationWindows", () => {
  const now = at("2026-04-10T12:00:00Z");
  const importedAt = at("2026-04-10T11:00:00Z");

  it("gives every settled month since the first subscription's, oldest first", () => {
    expect(days(dueReconciliationWindows({ firstSubscriptionAt: at("2026-01-17T09:00:00Z"), importedAt, now, runs: [] }))).toEqual([
      "2026-01-01..2026-02-01", "2026-02-01..2026-03-01", "2026-03-01..2026-04-01",
    ]);
  });

  it("waits a day after a month ends, and for an import that read Lago after that", () => {
    const justEnded = dueReconciliationWindows({ firstSubscriptionAt: at("2026-03-01T00:00:00Z"), importedAt: at("2026-04-01T23:00:00Z"), now: at("2026-04-02T06:00:00Z"), runs: [] });
    expect(justEnded).toEqual([]);
    const settled = dueReconciliationWindows({ firstSubscriptionAt: at("2026-03-01T00:00:00Z"), importedAt: at("2026-04-02T00:00:00Z"), now: at("2026-04-02T06:00:00Z"), runs: [] });
    expect(days(settled)).toEqual(["2026-03-01..2026-04-01"]);
  });

  it("never reaches past now, even with an import stamped later", () => {
    expect(dueReconciliationWindows({ firstSubscriptionAt: at("2026-03-01T00:00:00Z"), importedAt: at("2026-05-01T00:00:00Z"), now: at("2026-04-01T12:00:00Z"), runs: [] })).toEqual([]);
  });

  it("gives nothing without a subscription or a succeeded import", () => {
    expect(dueReconciliationWindows({ firstSubscriptionAt: null, importedAt, now, runs: [] })).toEqual([]);
    expect(dueReconciliationWindows({ firstSubscriptionAt: at("2026-01-01T00:00:00Z"), importedAt: null, now, runs: [] })).toEqual([]);
  });

  it("skips a month a run reconciled after it settled, but not one reconciled before", () => {
    const february = month("2026-02-01", "2026-03-01");
    const march = month("2026-03-01", "2026-04-01");
    const runs = [
      { ...february, createdAt: new Date(february.end.getTime() + RECONCILE_SETTLE_MS) },
      { ...march, createdAt: new Date(march.end.getTime() + RECONCILE_SETTLE_MS - 1) },
    ];
    expect(days(dueReconciliationWindows({ firstSubscriptionAt: at("2026-02-05T00:00:00Z"), importedAt, now, runs }))).toEqual(["2026-03-01..2026-04-01"]);
  });

  it("goes back twelve months at most", () => {
    const due = dueReconciliationWindows({ firstSubscriptionAt: at("2020-06-01T00:00:00Z"), importedAt, now, runs: [] });
    expect(due).toHaveLength(12);
    expect(days(due)[0]).toBe("2025-04-01..2025-05-01");
  });
});
