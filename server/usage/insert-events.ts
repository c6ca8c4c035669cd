import type { DbOrTx } from "~/server/db/client";
import { isoString } from "~/server/lib/iso-string";
import { type RawStatement, rawQuery } from "~/server/db/raw-query";
import type { ReferenceCheck } from "./event-references-cache";

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

const INSERT_EVENTS: RawStatement = {
  name: "insert-events",
  text: `
  WITH input AS (
    SELECT $1::uuid AS service_id, x.*
    FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[], $7::jsonb[], $8::numeric[], $9::text[])
      AS x(id, transaction_id, subscription_id, code, ts, properties, num, distinct_value)
  ), claimed AS (
    INSERT INTO usage_event_keys (service_id, transaction_id, event_id, event_timestamp)
    SELECT service_id, transaction_id, id, ts FROM input
    ON CONFLICT DO NOTHING
    RETURNING transaction_id
  ), fresh AS (
    SELECT input.* FROM input JOIN claimed USING (transaction_id)
  ), stored AS (
    INSERT INTO usage_events (id, service_id, transaction_id, subscription_id, code, "timestamp", properties, created_at)
    SELECT id, service_id, transaction_id, subscription_id, code, ts, properties, $10::timestamptz FROM fresh
  ), rolled AS (
    INSERT INTO usage_rollups AS r (subscription_id, code, hour, events_count, sum_value, max_value,
                                    latest_value, latest_at, latest_created_at, latest_transaction_id)
    SELECT subscription_id, code, date_trunc('hour', ts), count(*), sum(num), max(num),
           (array_agg(num ORDER BY ts DESC, transaction_id DESC))[1], max(ts), $10::timestamptz,
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
  -- The checks run once even when nothing was claimed, before the unreferenced writes above run.
  SELECT c.transaction_id
  FROM (SELECT usage_references_current($12::jsonb, $1::uuid), usage_whole_batch_claimed((SELECT count(*) FROM claimed), $11::bigint)) AS checked
  LEFT JOIN claimed c ON true`,
};

/**
 * One statement per batch: claim each (service, transaction_id) in the ledger, store the
 * events whose claim succeeded, and fold exactly those into the hourly rollups. Returns
 * the transaction ids that were new; the others were already stored. Rows share one
 * service. With `whole`, a batch of which any id is stored already aborts the statement
 * (nothing written, isPartlyStoredBatch(error)): outside a transaction that is what keeps
 * a batch all or nothing. With `check`, references taken from the cache are checked in the
 * same snapshot, and the statement aborts if any changed (isStaleReferences(error)).
 */
export async function insertEvents(db: DbOrTx, rows: EventRow[], createdAt: Date, options: { whole?: boolean; check?: ReferenceCheck | null } = {}): Promise<Set<string>> {
  // One array per column (unnest): cheaper to build, and for PostgreSQL to read, than a JSON document of rows.
  const claimed = await rawQuery<{ transaction_id: string | null }>(db, INSERT_EVENTS, [
    rows[0]?.serviceId ?? null,
    rows.map((row) => row.id),
    rows.map((row) => row.transactionId),
    rows.map((row) => row.subscriptionId),
    rows.map((row) => row.code),
    rows.map((row) => isoString(row.timestamp)),
    rows.map((row) => JSON.stringify(row.properties)),
    rows.map((row) => row.numericValue),
    rows.map((row) => row.distinctValue),
    isoString(createdAt),
    options.whole ? rows.length : null,
    options.check ? JSON.stringify(options.check) : null,
  ]);
  return new Set(claimed.flatMap((row) => (row.transaction_id === null ? [] : [row.transaction_id])));
}

export const isPartlyStoredBatch = (error: unknown) => /usage batch partly stored already/.test(String((error as Error)?.message ?? error));
