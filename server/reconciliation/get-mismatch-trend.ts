import type { DbOrTx } from "~/server/db/client";

export interface TrendPoint {
  periodStart: Date;
  periodEnd: Date;
  runId: string;
  lineCount: number;
  match: number;
  mismatches: number;
  missing: number;
}

/**
 * Mismatches per reconciled period, from the latest successful run of each period (an
 * older run of the same period was superseded), oldest period first, for the chart.
 */
export async function getMismatchTrend(options: { db: DbOrTx; limit?: number }): Promise<TrendPoint[]> {
  const runs = await options.db.reconciliationRun.findMany({ where: { status: "succeeded" }, orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }], take: 500 });
  const latest = new Map<string, (typeof runs)[number]>();
  for (const run of runs) {
    const key = `${run.periodStart.toISOString()}|${run.periodEnd.toISOString()}`;
    if (!latest.has(key)) latest.set(key, run);
  }
  return [...latest.values()]
    .slice(0, options.limit ?? 24)
    .reverse()
    .map((run) => ({
      periodStart: run.periodStart,
      periodEnd: run.periodEnd,
      runId: run.id,
      lineCount: run.lineCount,
      match: run.matchCount,
      mismatches: run.amountMismatchCount + run.unitsMismatchCount,
      missing: run.missingInLagoCount + run.missingInOdooCount,
    }));
}
