import type { DbOrTx } from "~/server/db/client";

export interface RollupDrift {
  subscriptionId: string;
  code: string;
  hour: Date;
  problem: string;
}

/**
 * Recomputes every hourly rollup from raw events and reports where they disagree:
 * counts, sums, maxima, latest values and distinct-value sets. Empty = no drift.
 */
export async function checkRollups(options: { db: DbOrTx; limit?: number }): Promise<RollupDrift[]> {
  const limit = options.limit ?? 1000;
  return options.db.$queryRaw<RollupDrift[]>`
    WITH raw AS (
      SELECT e.subscription_id, e.code, date_trunc('hour', e."timestamp") AS hour, count(*) AS events_count,
             sum(v.num) AS sum_value, max(v.num) AS max_value,
             (array_agg(v.num ORDER BY e."timestamp" DESC, e.created_at DESC, e.transaction_id DESC))[1] AS latest_value
      FROM usage_events e
      JOIN billable_metrics m ON m.code = e.code
      CROSS JOIN LATERAL (SELECT CASE WHEN m.aggregation_type IN ('sum_agg', 'max_agg', 'latest_agg')
                                      THEN (e.properties->>m.field_name)::numeric END AS num) v
      GROUP BY 1, 2, 3
    ), compared AS (
      SELECT coalesce(raw.subscription_id, r.subscription_id) AS "subscriptionId", coalesce(raw.code, r.code) AS code,
             coalesce(raw.hour, r.hour) AS hour,
             CASE
               WHEN r.subscription_id IS NULL THEN 'events without a rollup'
               WHEN raw.subscription_id IS NULL THEN 'rollup without events'
               WHEN raw.events_count <> r.events_count THEN format('count %s in events, %s in rollup', raw.events_count, r.events_count)
               WHEN raw.sum_value IS DISTINCT FROM r.sum_value THEN format('sum %s in events, %s in rollup', raw.sum_value, r.sum_value)
               WHEN raw.max_value IS DISTINCT FROM r.max_value THEN format('max %s in events, %s in rollup', raw.max_value, r.max_value)
               WHEN raw.latest_value IS DISTINCT FROM r.latest_value THEN format('latest %s in events, %s in rollup', raw.latest_value, r.latest_value)
             END AS problem
      FROM raw FULL JOIN usage_rollups r ON r.subscription_id = raw.subscription_id AND r.code = raw.code AND r.hour = raw.hour
    ), distinct_drift AS (
      SELECT coalesce(raw.subscription_id, r.subscription_id) AS "subscriptionId", coalesce(raw.code, r.code) AS code,
             coalesce(raw.hour, r.hour) AS hour,
             format('distinct value %s only in %s', coalesce(raw.value, r.value), CASE WHEN r.value IS NULL THEN 'events' ELSE 'rollup' END) AS problem
      FROM (SELECT DISTINCT e.subscription_id, e.code, date_trunc('hour', e."timestamp") AS hour, e.properties->>m.field_name AS value
            FROM usage_events e JOIN billable_metrics m ON m.code = e.code
            WHERE m.aggregation_type = 'unique_count_agg' AND e.properties->>m.field_name IS NOT NULL) raw
      FULL JOIN usage_rollup_values r ON r.subscription_id = raw.subscription_id AND r.code = raw.code AND r.hour = raw.hour AND r.value = raw.value
      WHERE raw.value IS NULL OR r.value IS NULL
    )
    SELECT * FROM compared WHERE problem IS NOT NULL
    UNION ALL SELECT * FROM distinct_drift
    ORDER BY 1, 2, 3
    LIMIT ${limit}`;
}
