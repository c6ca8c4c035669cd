import type { DbOrTx } from "~/server/db/client";
import { type AggregationSpan, queryAggregation, unitsOf } from "./usage-aggregation-query";

export interface AggregatedUsage {
  /** Decimal string, exact (PostgreSQL numeric). */
  units: string;
  eventsCount: number;
}

/**
 * Aggregates one metric's events of one subscription over [from, to), from the hourly
 * rollups and the raw edges (usage-aggregation-query.ts): exact, at a cost that no
 * longer grows with the number of events in the period.
 */
export async function aggregateUsage(options: AggregationSpan & { db: DbOrTx }): Promise<AggregatedUsage> {
  const { db, ...span } = options;
  const [row] = await queryAggregation(db, span, false);
  return { units: unitsOf(span.aggregationType, row), eventsCount: Number(row?.events_count ?? 0) };
}
