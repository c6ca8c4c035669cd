import Decimal from "decimal.js";

/** One line of a reconciliation run, as the gate weighs it: Lago's side against the hub's. */
export interface GateLine {
  id: string;
  customerKey: string;
  chargeKey: string;
  currency: string | null;
  lagoUnits: string | null;
  hubUnits: string | null;
  lagoAmountCents: bigint | null;
  hubAmountCents: bigint | null;
}

export interface GateRun {
  id: string;
  periodStart: Date;
  periodEnd: Date;
  createdAt: Date;
  lines: GateLine[];
}

export interface BlockingLine extends GateLine {
  /** Lago minus the hub, an absent side counting as zero. */
  amountDiffCents: bigint;
  why: "amount" | "units";
}

export interface GatePeriod {
  periodStart: Date;
  periodEnd: Date;
  runId: string;
  /** How many lines of the service the run compared: none is no evidence either way. */
  lines: number;
  blocking: BlockingLine[];
}

export interface GateVerdict {
  green: boolean;
  /** Consecutive agreeing closed periods, counted back from the latest. */
  agreeingPeriods: number;
  requiredPeriods: number;
  /** Every closed period reconciled, latest first, each from its latest run. */
  periods: GatePeriod[];
  reason: string;
}

const units = (value: string | null) => new Decimal(value ?? 0);
const day = (instant: Date) => instant.toISOString().slice(0, 10);

/** Why a line keeps the service on Lago, or null: amounts beyond the tolerance, or different units. */
export function blockingReason(line: GateLine, toleranceCents: number): BlockingLine | null {
  const amountDiffCents = (line.lagoAmountCents ?? 0n) - (line.hubAmountCents ?? 0n);
  const beyond = (amountDiffCents < 0n ? -amountDiffCents : amountDiffCents) > BigInt(toleranceCents);
  if (beyond) return { ...line, amountDiffCents, why: "amount" };
  if (!units(line.lagoUnits).equals(units(line.hubUnits))) return { ...line, amountDiffCents, why: "units" };
  return null;
}

/**
 * The migration gate of one shadow service, without I/O: green when the latest
 * `requiredPeriods` closed periods, back to back with no period missing between them,
 * each agree line by line (Lago billed what the hub computed, within `toleranceCents`
 * per line, with the same units). A period's latest run speaks for it, so a period
 * reconciled again after a fix counts as fixed. A period whose run compared nothing of
 * the service (neither side billed it anything) is no evidence that the numbers agree:
 * it ends the count, so the gate never goes green on empty months. Lago is compared
 * with the hub, not Odoo: in shadow Odoo bills nothing.
 */
export function evaluateGate(options: { runs: readonly GateRun[]; requiredPeriods: number; toleranceCents: number; now: Date }): GateVerdict {
  const { requiredPeriods, toleranceCents, now } = options;
  const latest = new Map<string, GateRun>();
  for (const run of options.runs) {
    if (run.periodEnd > now) continue;
    const key = `${run.periodStart.toISOString()}/${run.periodEnd.toISOString()}`;
    const held = latest.get(key);
    if (!held || run.createdAt > held.createdAt) latest.set(key, run);
  }
  const periods: GatePeriod[] = [...latest.values()]
    .sort((a, b) => b.periodStart.getTime() - a.periodStart.getTime())
    .map((run) => ({
      periodStart: run.periodStart,
      periodEnd: run.periodEnd,
      runId: run.id,
      lines: run.lines.length,
      blocking: run.lines.flatMap((line) => blockingReason(line, toleranceCents) ?? []),
    }));

  let agreeingPeriods = 0;
  let stop: string | null = null;
  for (const [index, period] of periods.entries()) {
    const newer = periods[index - 1];
    if (newer && newer.periodStart.getTime() !== period.periodEnd.getTime()) {
      stop = `no reconciliation of the period before ${day(newer.periodStart)}`;
      break;
    }
    if (period.lines === 0) {
      stop = `nothing of ${day(period.periodStart)} to compare: neither Lago nor the hub billed the service anything`;
      break;
    }
    if (period.blocking.length) {
      stop = `${period.blocking.length} line${period.blocking.length === 1 ? "" : "s"} of ${day(period.periodStart)} disagree`;
      break;
    }
    agreeingPeriods++;
    if (agreeingPeriods === requiredPeriods) break;
  }
  const green = agreeingPeriods >= requiredPeriods;
  const counted = `${agreeingPeriods} of ${requiredPeriods} periods agree`;
  const reason = green
    ? `green: the latest ${requiredPeriods} closed periods agree`
    : periods.length === 0
      ? "red: no closed period reconciled yet"
      : `red: ${counted}${stop ? `; ${stop}` : "; more closed periods must be reconciled"}`;
  return { green, agreeingPeriods, requiredPeriods, periods, reason };
}
