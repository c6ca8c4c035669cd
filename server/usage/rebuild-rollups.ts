import type { DbOrTx } from "~/server/db/client";

/**
 * Recomputes the hourly rollups of one subscription from its raw events (the same
 * definition the ingestion statement maintains incrementally). For repairs and for
 * events loaded in bulk outside the ingestion path.
 */
export async function rebuildRollups(options: { db: DbOrTx; subscriptionId: string }): Promise<void> {
  const { db, subscriptionId } = options;
  await db.$executeRaw`DELETE FROM usage_rollups WHERE subscription_id = ${subscriptionId}::uuid`;
  await db.$executeRaw`DELETE FROM usage_rollup_values WHERE subscription_id = ${subscriptionId}::uuid`;
  await db.$executeRaw`
    INSERT INTO usage_rollups
    SELECT e.subscription_id, e.code, date_trunc('hour', e."timestamp"), count(*),
           sum(v.num), max(v.num),
           (array_agg(v.num ORDER BY e."timestamp" DESC, e.created_at DESC, e.transaction_id DESC))[1],
           max(e."timestamp"),
           (array_agg(e.created_at ORDER BY e."timestamp" DESC, e.created_at DESC, e.transaction_id DESC))[1],
           (array_agg(e.transaction_id ORDER BY e."timestamp" DESC, e.created_at DESC, e.transaction_id DESC))[1]
    FROM usage_events e
    JOIN billable_metrics m ON m.code = e.code
    CROSS JOIN LATERAL (SELECT CASE WHEN m.aggregation_type IN ('sum_agg', 'max_agg', 'latest_agg')
                                    THEN (e.properties->>m.field_name)::numeric END AS num) v
    WHERE e.subscription_id = ${subscriptionId}::uuid
    GROUP BY 1, 2, 3`;
  await db.$executeRaw`
    INSERT INTO usage_rollup_values
    SELECT DISTINCT e.subscription_id, e.code, date_trunc('hour', e."timestamp"), e.properties->>m.field_name
    FROM usage_events e JOIN billable_metrics m ON m.code = e.code
    WHERE e.subscription_id = ${subscriptionId}::uuid AND m.aggregation_type = 'unique_count_agg'
      AND e.properties->>m.field_name IS NOT NULL`;
}
