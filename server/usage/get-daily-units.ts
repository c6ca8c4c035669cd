import type { AggregationType } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";

export interface DailyUnits {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** The metric's aggregation over that day's events, as a decimal string (exact). */
  units: string;
  eventsCount: number;
}

interface Row {
  day: Date;
  events_count: bigint | number;
  sum_value: string | null;
  max_value: string | null;
  latest_value: string | null;
  distinct_count: bigint | number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const ceilHour = (instant: Date) => new Date(Math.ceil(instant.getTime() / HOUR_MS) * HOUR_MS);
const floorHour = (instant: Date) => new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);

/**
 * One metric's units per UTC day of [from, to): what the metric aggregates (a sum, a max,
 * a distinct count…) over each day's events, not the number of events. Like
 * aggregateUsage, whole hours come from the hourly rollups and the ragged edges from raw
 * events, so the cost does not grow with the events in the period. Days without events
 * are filled with 0 up to `until` (e.g. today, for an open period).
 */
export async function getDailyUnits(options: {
  db: DbOrTx;
  subscriptionId: string;
  code: string;
  aggregationType: AggregationType;
  fieldName: string | null;
  from: Date;
  to: Date;
  until?: Date;
}): Promise<DailyUnits[]> {
  const { db, subscriptionId, code, from, to } = options;
  const field = options.fieldName ?? "";
  const wholeFrom = ceilHour(from) < floorHour(to) ? ceilHour(from) : to;
  const wholeTo = ceilHour(from) < floorHour(to) ? floorHour(to) : to;
  const rows = await db.$queryRaw<Row[]>`
    WITH edges AS (
      SELECT date_trunc('day', "timestamp" AT TIME ZONE 'UTC') AS day, "timestamp", created_at, transaction_id, properties->>${field} AS raw_value FROM usage_events
      WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code}
        AND (("timestamp" >= ${from} AND "timestamp" < ${wholeFrom}) OR ("timestamp" >= ${wholeTo} AND "timestamp" < ${to}))
    ), hours AS (
      SELECT date_trunc('day', hour AT TIME ZONE 'UTC') AS day, * FROM usage_rollups
      WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code} AND hour >= ${wholeFrom} AND hour < ${wholeTo}
    ), numeric_edges AS (
      SELECT day, "timestamp", created_at, transaction_id,
             CASE WHEN ${options.aggregationType} IN ('sum_agg', 'max_agg', 'latest_agg') THEN raw_value::numeric END AS value
      FROM edges
    ), seen AS (
      SELECT date_trunc('day', hour AT TIME ZONE 'UTC') AS day, value FROM usage_rollup_values
      WHERE ${options.aggregationType} = 'unique_count_agg' AND subscription_id = ${subscriptionId}::uuid AND code = ${code} AND hour >= ${wholeFrom} AND hour < ${wholeTo}
      UNION ALL SELECT day, raw_value FROM edges WHERE ${options.aggregationType} = 'unique_count_agg'
    ), days AS (SELECT day FROM hours UNION SELECT day FROM edges)
    SELECT d.day AT TIME ZONE 'UTC' AS day,
      (SELECT coalesce(sum(events_count), 0) FROM hours h WHERE h.day = d.day) + (SELECT count(*) FROM edges e WHERE e.day = d.day) AS events_count,
      ((SELECT coalesce(sum(sum_value), 0) FROM hours h WHERE h.day = d.day) + (SELECT coalesce(sum(value), 0) FROM numeric_edges e WHERE e.day = d.day))::text AS sum_value,
      greatest((SELECT max(max_value) FROM hours h WHERE h.day = d.day), (SELECT max(value) FROM numeric_edges e WHERE e.day = d.day))::text AS max_value,
      (SELECT value FROM (
          SELECT latest_value AS value, latest_at AS at, latest_created_at AS created, latest_transaction_id AS tx FROM hours h WHERE h.day = d.day
          UNION ALL SELECT value, "timestamp", created_at, transaction_id FROM numeric_edges e WHERE e.day = d.day
        ) AS candidates ORDER BY at DESC, created DESC, tx DESC LIMIT 1)::text AS latest_value,
      (SELECT count(DISTINCT value) FROM seen s WHERE s.day = d.day) AS distinct_count
    FROM days d ORDER BY d.day`;
  const byDay = new Map(rows.map((row) => {
    const eventsCount = Number(row.events_count);
    const units = {
      count_agg: String(eventsCount),
      sum_agg: row.sum_value ?? "0",
      max_agg: row.max_value ?? "0",
      latest_agg: row.latest_value ?? "0",
      unique_count_agg: String(Number(row.distinct_count)),
    }[options.aggregationType];
    return [row.day.toISOString().slice(0, 10), { units, eventsCount }];
  }));
  const last = Math.min(to.getTime(), (options.until ?? to).getTime());
  const days: DailyUnits[] = [];
  for (let day = Math.floor(from.getTime() / DAY_MS) * DAY_MS; day < last; day += DAY_MS) {
    const key = new Date(day).toISOString().slice(0, 10);
    days.push({ day: key, ...(byDay.get(key) ?? { units: "0", eventsCount: 0 }) });
  }
  return days;
}
