import type { AggregationType } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";

export interface AggregatedUsage {
  /** Decimal string, exact (PostgreSQL numeric). */
  units: string;
  eventsCount: number;
}

interface Row {
  units: string | null;
  events_count: bigint | number;
}

/**
 * Aggregates one metric's events of one subscription over [from, to) in SQL, where the
 * (subscription_id, code, timestamp) index makes it a range scan. Property values
 * were validated as numeric at ingestion, so the numeric casts cannot fail.
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
  let rows: Row[];
  switch (options.aggregationType) {
    case "count_agg":
      rows = await db.$queryRaw<Row[]>`
        SELECT count(*)::text AS units, count(*) AS events_count FROM usage_events
        WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code} AND "timestamp" >= ${from} AND "timestamp" < ${to}`;
      break;
    case "sum_agg":
      rows = await db.$queryRaw<Row[]>`
        SELECT coalesce(sum((properties->>${field})::numeric), 0)::text AS units, count(*) AS events_count FROM usage_events
        WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code} AND "timestamp" >= ${from} AND "timestamp" < ${to}`;
      break;
    case "max_agg":
      rows = await db.$queryRaw<Row[]>`
        SELECT coalesce(max((properties->>${field})::numeric), 0)::text AS units, count(*) AS events_count FROM usage_events
        WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code} AND "timestamp" >= ${from} AND "timestamp" < ${to}`;
      break;
    case "unique_count_agg":
      rows = await db.$queryRaw<Row[]>`
        SELECT count(DISTINCT properties->>${field})::text AS units, count(*) AS events_count FROM usage_events
        WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code} AND "timestamp" >= ${from} AND "timestamp" < ${to}`;
      break;
    case "latest_agg":
      // The value of the last event in the period; ties on timestamp go to the last received.
      rows = await db.$queryRaw<Row[]>`
        SELECT (SELECT (properties->>${field})::numeric::text FROM usage_events
                WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code} AND "timestamp" >= ${from} AND "timestamp" < ${to}
                ORDER BY "timestamp" DESC, created_at DESC, id DESC LIMIT 1) AS units,
               (SELECT count(*) FROM usage_events
                WHERE subscription_id = ${subscriptionId}::uuid AND code = ${code} AND "timestamp" >= ${from} AND "timestamp" < ${to}) AS events_count`;
      break;
  }
  const row = rows[0];
  return { units: row?.units ?? "0", eventsCount: Number(row?.events_count ?? 0) };
}
