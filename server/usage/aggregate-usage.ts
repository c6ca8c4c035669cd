import type { AggregationType } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";

export interface AggregatedUsage {
  /** Decimal string, exact (PostgreSQL numeric). */
  units: string;
  eventsCount: number;
}

interface Row {
  events_count: bigint | number;
  sum_value: string | null;
  max_value: string | null;
  latest_value: string | null;
  distinct_count: bigint | number;
}

const HOUR_MS = 3_600_000;
const ceilHour = (instant: Date) => new Date(Math.ceil(instant.getTime() / HOUR_MS) * HOUR_MS);
const floorHour = (instant: Date) => new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);

/**
 * Aggregates one metric's events of one subscription over [from, to). Whole hours come
 * from the hourly rollups; the ragged edges before the first and after the last whole
 * hour come from raw events (a range scan on one or two partitions). The result is
 * exact, and its cost no longer grows with the number of events in the period.
 */
export async function aggregateUsage(options: {
  db: DbOrTx;
  subscriptionId: string;
  code: string;
  aggregationType: AggregationType;
  fieldName: string | null;
  from: Date;
  to: Date;
}): Promise<AggregatedUsage> {
  const { db, subscriptionId, code, from, to } = options;
  const field = options.fieldName ?? "";
  // With no whole hour inside, the "rollup" span is empty and the edges cover [from, to).
  const wholeFrom = ceilHour(from) < floorHour(to) ? ceilHour(from) : to;
  const wholeTo = ceilHour(from) < floorHour(to) ? floorHour(to) : to;
  const [row] = await db.$queryRaw<Row[]>`
    WITH edges AS (
      SELECT "timestamp", created_at, transaction_id, properties->>${field} AS raw_value FROM usage_events
      WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code}
        AND (("timestamp" >= ${from} AND "timestamp" < ${wholeFrom}) OR ("timestamp" >= ${wholeTo} AND "timestamp" < ${to}))
    ), hours AS (
      SELECT * FROM usage_rollups
      WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code} AND hour >= ${wholeFrom} AND hour < ${wholeTo}
    ), numeric_edges AS (
      SELECT "timestamp", created_at, transaction_id,
             CASE WHEN ${options.aggregationType} IN ('sum_agg', 'max_agg', 'latest_agg') THEN raw_value::numeric END AS value
      FROM edges
    )
    SELECT
      (SELECT coalesce(sum(events_count), 0) FROM hours) + (SELECT count(*) FROM edges) AS events_count,
      ((SELECT coalesce(sum(sum_value), 0) FROM hours) + (SELECT coalesce(sum(value), 0) FROM numeric_edges))::text AS sum_value,
      greatest((SELECT max(max_value) FROM hours), (SELECT max(value) FROM numeric_edges))::text AS max_value,
      (SELECT value FROM (
          SELECT latest_value AS value, latest_at AS at, latest_created_at AS created, latest_transaction_id AS tx FROM hours
          UNION ALL SELECT value, "timestamp", created_at, transaction_id FROM numeric_edges
        ) AS candidates ORDER BY at DESC, created DESC, tx DESC LIMIT 1)::text AS latest_value,
      (SELECT count(DISTINCT value) FROM (
          SELECT value FROM usage_rollup_values
          WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code} AND hour >= ${wholeFrom} AND hour < ${wholeTo}
          UNION ALL SELECT raw_value FROM edges
        ) AS seen) AS distinct_count`;
  const eventsCount = Number(row?.events_count ?? 0);
  const units = {
    count_agg: String(eventsCount),
    sum_agg: row?.sum_value ?? "0",
    max_agg: row?.max_value ?? "0",
    latest_agg: row?.latest_value ?? "0",
    unique_count_agg: String(Number(row?.distinct_count ?? 0)),
  }[options.aggregationType];
  return { units, eventsCount };
}
