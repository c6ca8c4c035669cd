import type { DbOrTx } from "~/server/db/client";
import { type AggregationSpan, queryAggregation, unitsOf } from "./usage-aggregation-query";

export interface DailyUnits {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** The metric's aggregation over that day's events, as a decimal string (exact). */
  units: string;
  eventsCount: number;
}

const DAY_MS = 86_400_000;

/**
 * One metric's units per UTC day of [from, to): what the metric aggregates (a sum, a max,
 * a distinct count…) over each day's events, not the number of events, read as
 * aggregateUsage reads a period. Days without events are filled with 0 up to `until`
 * (e.g. today, for an open period).
 */
export async function getDailyUnits(options: AggregationSpan & { db: DbOrTx; until?: Date }): Promise<DailyUnits[]> {
  const { db, until, ...span } = options;
  const rows = await queryAggregation(db, span, true);
  const byDay = new Map(rows.map((row) => [row.day!.toISOString().slice(0, 10), { units: unitsOf(span.aggregationType, row), eventsCount: Number(row.events_count) }]));
  const last = Math.min(span.to.getTime(), (until ?? span.to).getTime());
  const days: DailyUnits[] = [];
  for (let day = Math.floor(span.from.getTime() / DAY_MS) * DAY_MS; day < last; day += DAY_MS) {
    const key = new Date(day).toISOString().slice(0, 10);
    days.push({ day: key, ...(byDay.get(key) ?? { units: "0", eventsCount: 0 }) });
  }
  return days;
}
