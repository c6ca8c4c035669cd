import { Prisma } from "~/generated/prisma/client";
import type { AggregationType } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";

/** What one metric's events add up to over a span, as the query answers it. */
export interface AggregationRow {
  /** The UTC day of the bucket (per-day reads only). */
  day?: Date;
  events_count: bigint | number;
  sum_value: string | null;
  max_value: string | null;
  latest_value: string | null;
  distinct_count: bigint | number;
}

export interface AggregationSpan {
  subscriptionId: string;
  code: string;
  aggregationType: AggregationType;
  fieldName: string | null;
  from: Date;
  to: Date;
}

const HOUR_MS = 3_600_000;
const ceilHour = (instant: Date) => new Date(Math.ceil(instant.getTime() / HOUR_MS) * HOUR_MS);
const floorHour = (instant: Date) => new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);

/**
 * One metric's events of one subscription over [from, to), aggregated once for the whole
 * span or once per UTC day (`perDay`, the rows ordered by day, days without events left
 * out). Whole hours come from the hourly rollups; the ragged edges before the first and
 * after the last whole hour come from raw events (a range scan on one or two partitions),
 * so the result is exact and its cost does not grow with the events in the span.
 */
export function queryAggregation(db: DbOrTx, span: AggregationSpan, perDay: boolean): Promise<AggregationRow[]> {
  const { subscriptionId, code, from, to, aggregationType } = span;
  const field = span.fieldName ?? "";
  // With no whole hour inside, the "rollup" span is empty and the edges cover [from, to).
  const hasWholeHour = ceilHour(from) < floorHour(to);
  const wholeFrom = hasWholeHour ? ceilHour(from) : to;
  const wholeTo = hasWholeHour ? floorHour(to) : to;
  // Per day, every bucket is a UTC day and each aggregate reads its day only; otherwise
  // there is one bucket and the aggregates read everything.
  const bucketOf = (column: string) => (perDay ? Prisma.raw(`date_trunc('day', ${column} AT TIME ZONE 'UTC')`) : Prisma.raw("NULL::timestamp"));
  const sameDay = (alias: string) => (perDay ? Prisma.raw(`WHERE ${alias}.day = d.day`) : Prisma.empty);
  const aggregates = Prisma.sql`
      (SELECT coalesce(sum(events_count), 0) FROM hours h ${sameDay("h")}) + (SELECT count(*) FROM edges e ${sameDay("e")}) AS events_count,
      ((SELECT coalesce(sum(sum_value), 0) FROM hours h ${sameDay("h")}) + (SELECT coalesce(sum(value), 0) FROM numeric_edges e ${sameDay("e")}))::text AS sum_value,
      greatest((SELECT max(max_value) FROM hours h ${sameDay("h")}), (SELECT max(value) FROM numeric_edges e ${sameDay("e")}))::text AS max_value,
      (SELECT value FROM (
          SELECT latest_value AS value, latest_at AS at, latest_created_at AS created, latest_transaction_id AS tx FROM hours h ${sameDay("h")}
          UNION ALL SELECT value, "timestamp", created_at, transaction_id FROM numeric_edges e ${sameDay("e")}
        ) AS candidates ORDER BY at DESC, created DESC, tx DESC LIMIT 1)::text AS latest_value,
      (SELECT count(DISTINCT value) FROM seen s ${sameDay("s")}) AS distinct_count`;
  const select = perDay
    ? Prisma.sql`SELECT d.day AT TIME ZONE 'UTC' AS day, ${aggregates} FROM (SELECT day FROM hours UNION SELECT day FROM edges) AS d ORDER BY d.day`
    : Prisma.sql`SELECT ${aggregates}`;
  return db.$queryRaw<AggregationRow[]>`
    WITH edges AS (
      SELECT ${bucketOf('"timestamp"')} AS day, "timestamp", created_at, transaction_id, properties->>${field} AS raw_value FROM usage_events
      WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code}
        AND (("timestamp" >= ${from} AND "timestamp" < ${wholeFrom}) OR ("timestamp" >= ${wholeTo} AND "timestamp" < ${to}))
    ), hours AS (
      SELECT ${bucketOf("hour")} AS day, * FROM usage_rollups
      WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code} AND hour >= ${wholeFrom} AND hour < ${wholeTo}
    ), numeric_edges AS (
      SELECT day, "timestamp", created_at, transaction_id,
             CASE WHEN ${aggregationType} IN ('sum_agg', 'max_agg', 'latest_agg') THEN raw_value::numeric END AS value
      FROM edges
    ), seen AS (
      SELECT ${bucketOf("hour")} AS day, value FROM usage_rollup_values
      WHERE ${aggregationType} = 'unique_count_agg' AND subscription_id = ${subscriptionId}::uuid AND code = ${code} AND hour >= ${wholeFrom} AND hour < ${wholeTo}
      UNION ALL SELECT day, raw_value FROM edges WHERE ${aggregationType} = 'unique_count_agg'
    )
    ${select}`;
}

/** The metric's units from an aggregation row: a decimal string, exact (PostgreSQL numeric). */
export function unitsOf(aggregationType: AggregationType, row: AggregationRow | undefined): string {
  const units: Record<AggregationType, () => string> = {
    count_agg: () => String(Number(row?.events_count ?? 0)),
    sum_agg: () => row?.sum_value ?? "0",
    max_agg: () => row?.max_value ?? "0",
    latest_agg: () => row?.latest_value ?? "0",
    unique_count_agg: () => String(Number(row?.distinct_count ?? 0)),
  };
  return units[aggregationType]();
}
