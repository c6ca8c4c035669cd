import type { DbOrTx } from "~/server/db/client";

/** An event ready to store, with the metric-specific values its rollup needs. */
export interface EventRow {
  id: string;
  serviceId: string;
  transactionId: string;
  subscriptionId: string;
  code: string;
  timestamp: Date;
  properties: unknown;
  /** The metric's numeric field value (sum/max/latest metrics), as a decimal string. */
  numericValue: string | null;
  /** The metric's field value as text (unique_count metrics). */
  distinctValue: string | null;
}

/**
 * One statement per batch: claim each (service, transaction_id) in the ledger, store the
 * events whose claim succeeded, and fold exactly those into the hourly rollups. Returns
 * the transaction ids that were new; the others were already stored. Rows share one
 * service. With `whole`, a batch of which any id is stored already aborts the statement
 * (nothing written, isPartlyStoredBatch(error)): outside a transaction that is what keeps
 * a batch all or nothing.
 */
export async function insertEvents(db: DbOrTx, rows: EventRow[], createdAt: Date, options: { whole?: boolean } = {}): Promise<Set<string>> {
  const payload = JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      service_id: row.serviceId,
      transaction_id: row.transactionId,
      subscription_id: row.subscriptionId,
      code: row.code,
      ts: row.timestamp.toISOString(),
      properties: row.properties,
      num: row.numericValue,
      distinct_value: row.distinctValue,
    })),
  );
  const claimed = await db.$queryRaw<Array<{ transaction_id: string | null }>>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${payload}::jsonb) AS x(
        id uuid, service_id uuid, transaction_id text, subscription_id uuid, code text,
        ts timestamptz, properties jsonb, num numeric, distinct_value text)
    ), claimed AS (
      INSERT INTO usage_event_keys (service_id, transaction_id, event_id, event_timestamp)
      SELECT service_id, transaction_id, id, ts FROM input
      ON CONFLICT DO NOTHING
      RETURNING transaction_id
    ), fresh AS (
      SELECT input.* FROM input JOIN claimed USING (transaction_id)
    ), stored AS (
      INSERT INTO usage_events (id, service_id, transaction_id, subscription_id, code, "timestamp", properties, created_at)
      SELECT id, service_id, transaction_id, subscription_id, code, ts, properties, ${createdAt}::timestamptz FROM fresh
    ), rolled AS (
      INSERT INTO usage_rollups AS r (subscription_id, code, hour, events_count, sum_value, max_value,
                                      latest_value, latest_at, latest_created_at, latest_transaction_id)
      SELECT subscription_id, code, date_trunc('hour', ts), count(*), sum(num), max(num),
             (array_agg(num ORDER BY ts DESC, transaction_id DESC))[1], max(ts), ${createdAt}::timestamptz,
             (array_agg(transaction_id ORDER BY ts DESC, transaction_id DESC))[1]
      FROM fresh GROUP BY 1, 2, 3
      -- A stable order keeps concurrent batches from deadlocking on shared rollup rows.
      ORDER BY 1, 2, 3
      ON CONFLICT (subscription_id, code, hour) DO UPDATE SET
        events_count = r.events_count + EXCLUDED.events_count,
        sum_value = CASE WHEN EXCLUDED.sum_value IS NULL THEN r.sum_value ELSE coalesce(r.sum_value, 0) + EXCLUDED.sum_value END,
        max_value = greatest(r.max_value, EXCLUDED.max_value),
        latest_value = CASE WHEN (EXCLUDED.latest_at, EXCLUDED.latest_created_at, EXCLUDED.latest_transaction_id)
                                 > (r.latest_at, r.latest_created_at, r.latest_transaction_id)
                            THEN EXCLUDED.latest_value ELSE r.latest_value END,
        latest_transaction_id = CASE WHEN (EXCLUDED.latest_at, EXCLUDED.latest_created_at, EXCLUDED.latest_transaction_id)
                                          > (r.latest_at, r.latest_created_at, r.latest_transaction_id)
                                     THEN EXCLUDED.latest_transaction_id ELSE r.latest_transaction_id END,
        latest_created_at = CASE WHEN (EXCLUDED.latest_at, EXCLUDED.latest_created_at, EXCLUDED.latest_transaction_id)
                                      > (r.latest_at, r.latest_created_at, r.latest_transaction_id)
                                 THEN EXCLUDED.latest_created_at ELSE r.latest_created_at END,
        latest_at = greatest(r.latest_at, EXCLUDED.latest_at)
    ), distinct_values AS (
      INSERT INTO usage_rollup_values (subscription_id, code, hour, value)
      SELECT DISTINCT subscription_id, code, date_trunc('hour', ts), distinct_value FROM fresh
      WHERE distinct_value IS NOT NULL
      ON CONFLICT DO NOTHING
    )
    -- The check runs once even when nothing was claimed, before the unreferenced writes above run.
    SELECT c.transaction_id
    FROM (SELECT usage_whole_batch_claimed((SELECT count(*) FROM claimed), ${options.whole ? rows.length : null}::bigint)) AS checked
    LEFT JOIN claimed c ON true`;
  return new Set(claimed.flatMap((row) => (row.transaction_id === null ? [] : [row.transaction_id])));
}

export const isPartlyStoredBatch = (error: unknown) => /usage batch partly stored already/.test(String((error as Error)?.message ?? error));
