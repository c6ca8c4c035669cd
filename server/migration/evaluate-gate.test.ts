import { describe, expect, it } from "vitest";
import { blockingReason, evaluateGate, type GateLine, type GateRun } from "./evaluate-gate";

const NOW = new Date("2026-06-15T00:00:00Z");
const month = (m: number) => new Date(Date.UTC(2026, m - 1, 1));
let nextId = 0;

function line(overrides: Partial<GateLine> = {}): GateLine {
  return { id: `l${nextId++}`, customerKey: "acme", chargeKey: "gb_hours", currency: "CAD", lagoUnits: "25", hubUnits: "25", lagoAmountCents: 750n, hubAmountCents: 750n, ...overrides };
}

/** A run of month m (1-based), created `at` (default: just after the period). */
function run(m: number, lines: GateLine[] = [line()], at?: Date): GateRun {
  return { id: `run-${m}-${nextId++}`, periodStart: month(m), periodEnd: month(m + 1), createdAt: at ?? new Date(month(m + 1).getTime() + 3_600_000), lines };
}

const gate = (runs: GateRun[], requiredPeriods = 3, toleranceCents = 0) => evaluateGate({ runs, requiredPeriods, toleranceCents, now: NOW });

describe("blockingReason", () => {
  it.each([
    ["equal sides", line(), 0, null],
    ["one cent apart, no tolerance", line({ hubAmountCents: 749n }), 0, "amount"],
    ["one cent apart, one cent tolerated", line({ hubAmountCents: 749n }), 1, null],
    ["hub above Lago beyond tolerance", line({ hubAmountCents: 760n }), 5, "amount"],
    ["missing on the hub", line({ hubAmountCents: null, hubUnits: null }), 0, "amount"],
    ["missing in Lago", line({ lagoAmountCents: null, lagoUnits: null }), 0, "amount"],
    ["both sides zero and absent", line({ lagoAmountCents: null, hubAmountCents: 0n, lagoUnits: null, hubUnits: "0" }), 0, null],
    ["same amount, other units (free units hide it)", line({ hubUnits: "24" }), 0, "units"],
    ["units written differently but equal", line({ lagoUnits: "25.0", hubUnits: "25" }), 0, null],
  ] as const)("%s", (_name, candidate, tolerance, why) => {
    expect(blockingReason(candidate, tolerance)?.why ?? null).toBe(why);
  });

  it("says by how much Lago is above the hub", () => {
    expect(blockingReason(line({ hubAmountCents: 700n }), 0)).toMatchObject({ amountDiffCents: 50n, why: "amount" });
    expect(blockingReason(line({ lagoAmountCents: null }), 0)).toMatchObject({ amountDiffCents: -750n });
  });
});

describe("evaluateGate", () => {
  it("is red with nothing reconciled", () => {
    expect(gate([])).toMatchObject({ green: false, agreeingPeriods: 0, reason: "red: no closed period reconciled yet" });
  });

  it("goes green on the required number of agreeing consecutive periods, not before", () => {
    expect(gate([run(3), run(4)])).toMatchObject({ green: false, agreeingPeriods: 2, reason: "red: 2 of 3 periods agree; more closed periods must be reconciled" });
    expect(gate([run(3), run(4), run(5)])).toMatchObject({ green: true, agreeingPeriods: 3, reason: "green: the latest 3 closed periods agree" });
    expect(gate([run(5)], 1)).toMatchObject({ green: true });
  });

  it("stays red on one planted difference in the latest periods, and names its lines", () => {
    const planted = line({ customerKey: "initech", hubAmountCents: 740n });
    const verdict = gate([run(3), run(4, [line(), planted]), run(5)]);
    expect(verdict).toMatchObject({ green: false, agreeingPeriods: 1, reason: "red: 1 of 3 periods agree; 1 line of 2026-04-01 disagree" });
    expect(verdict.periods.map((period) => period.blocking.map((b) => b.customerKey))).toEqual([[], ["initech"], []]);
  });

  it("does not let an old difference block once enough later periods agree", () => {
    expect(gate([run(1, [line({ hubUnits: "1" })]), run(2), run(3), run(4)])).toMatchObject({ green: true, agreeingPeriods: 3 });
  });

  it("counts only consecutive periods: a period never reconciled breaks the run", () => {
    expect(gate([run(1), run(2), run(4), run(5)])).toMatchObject({ green: false, agreeingPeriods: 2, reason: "red: 2 of 3 periods agree; no reconciliation of the period before 2026-04-01" });
  });

  it("takes a period's latest run: reconciling again after a fix counts, and a later failure too", () => {
    const fixedLater = [run(3), run(4, [line({ hubAmountCents: 1n })]), run(4, [line()], new Date("2026-06-01T00:00:00Z")), run(5)];
    expect(gate(fixedLater)).toMatchObject({ green: true });
    const brokeLater = [run(3), run(4), run(4, [line({ hubAmountCents: 1n })], new Date("2026-06-01T00:00:00Z")), run(5)];
    expect(gate(brokeLater)).toMatchObject({ green: false, agreeingPeriods: 1 });
    expect(gate(brokeLater).periods).toHaveLength(3);
  });

  it("counts no empty period: a month neither side billed is no evidence", () => {
    expect(gate([run(3), run(4), run(5, [])])).toMatchObject({
      green: false, agreeingPeriods: 0, reason: "red: 0 of 3 periods agree; nothing of 2026-05-01 to compare: neither Lago nor the hub billed the service anything",
    });
    expect(gate([run(2), run(3, []), run(4), run(5)], 2)).toMatchObject({ green: true, agreeingPeriods: 2 });
  });

  it("ignores a period still open", () => {
    // June is open on June 15: its run is a preview, not a closed period.
    expect(gate([run(3), run(4), run(5), run(6, [line({ hubAmountCents: 1n })], NOW)])).toMatchObject({ green: true });
  });

  it("applies the tolerance per line", () => {
    const nearly = () => [line({ hubAmountCents: 748n }), line({ hubAmountCents: 752n })];
    expect(gate([run(3, nearly()), run(4, nearly()), run(5, nearly())], 3, 2).green).toBe(true);
    expect(gate([run(3, nearly()), run(4, nearly()), run(5, nearly())], 3, 1).green).toBe(false);
  });

  it("lists every reconciled closed period latest first", () => {
    expect(gate([run(1), run(3), run(2)], 1).periods.map((period) => period.periodStart.toISOString().slice(0, 7))).toEqual(["2026-03", "2026-02", "2026-01"]);
  });
});
