import type { DbOrTx } from "~/server/db/client";
import { isoString } from "~/server/lib/iso-string";
import { pgArray } from "~/server/db/pg-array";
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

export const INSERT_EVENTS: RawStatement = {
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
  ), references_current AS (
    -- Cached references (event-references-cache.ts): the billing mode, and every field
    -- preparation read of each subscription and metric, unchanged in this snapshot.
    SELECT $12::jsonb IS NULL OR (
      (SELECT v.billing_mode::text FROM services v WHERE v.id = $1::uuid) IS NOT DISTINCT FROM $12::jsonb->>'billing_mode'
      AND NOT EXISTS (
        SELECT FROM jsonb_to_recordset($12::jsonb->'subscriptions')
          AS x(id uuid, external_id text, account_link_id uuid, subscription_at timestamptz, odoo_closed_at timestamptz)
        WHERE NOT EXISTS (
          SELECT FROM subscriptions s
          WHERE s.id = x.id AND s.service_id = $1::uuid AND s.external_id = x.external_id AND s.account_link_id = x.account_link_id
            AND s.subscription_at = x.subscription_at AND s.odoo_closed_at IS NOT DISTINCT FROM x.odoo_closed_at))
      AND NOT EXISTS (
        SELECT FROM jsonb_to_recordset($12::jsonb->'metrics') AS x(code text, aggregation_type text, field_name text)
        WHERE NOT EXISTS (
          SELECT FROM billable_metrics m
          WHERE m.code = x.code AND m.aggregation_type::text = x.aggregation_type AND m.field_name IS NOT DISTINCT FROM x.field_name
            AND (m.owner_service_id IS NULL OR m.owner_service_id = $1::uuid)))
    ) AS current
  )
  -- The checks run once even when nothing was claimed, before the unreferenced writes above
  -- run. A whole batch answers no ids: all were new, or the statement aborted.
  SELECT c.transaction_id
  FROM (SELECT usage_references_current((SELECT current FROM references_current)),
               usage_whole_batch_claimed((SELECT count(*) FROM claimed), $11::bigint)) AS checked
  LEFT JOIN claimed c ON $11::bigint IS NULL`,
};

/**
 * One statement per batch: claim each (service, transaction_id) in the ledger, store the
 * events whose claim succeeded, and fold exactly those into the hourly rollups. Returns
 * the transaction ids that were new; the others were already stored. Rows share one
 * service. With `whole`, a batch of which any id is stored already aborts the statement
 * (nothing written, isPartlyStoredBatch(error)): outside a transaction that is what keeps
 * a batch all or nothing; it returns no ids then, as every one was new. With `check`,
 * references taken from the cache are checked in the same snapshot, and the statement
 * aborts if any changed (writeWithCachedReferences tells that abort apart).
 */
export async function insertEvents(db: DbOrTx, rows: EventRow[], createdAt: Date, options: InsertOptions = {}): Promise<Set<string>> {
  const claimed = await rawQuery<{ transaction_id: string | null }>(db, INSERT_EVENTS, insertEventsParams(rows, createdAt, options));
  return new Set(claimed.flatMap((row) => (row.transaction_id === null ? [] : [row.transaction_id])));
}

interface InsertOptions {
  whole?: boolean;
  check?: ReferenceCheck | null;
}

/** INSERT_EVENTS' parameters for these rows (the bench sends the statement without the app too). */
export function insertEventsParams(rows: EventRow[], createdAt: Date, options: InsertOptions = {}): unknown[] {
  // One array per column (unnest), as array literals: cheaper to build, and for PostgreSQL to read, than a JSON document of rows.
  return [
    rows[0]?.serviceId ?? null,
    pgArray(rows.map((row) => row.id)),
    pgArray(rows.map((row) => row.transactionId)),
    pgArray(rows.map((row) => row.subscriptionId)),
    pgArray(rows.map((row) => row.code)),
    pgArray(rows.map((row) => isoString(row.timestamp))),
    pgArray(rows.map((row) => JSON.stringify(row.properties))),
    pgArray(rows.map((row) => row.numericValue)),
    pgArray(rows.map((row) => row.distinctValue)),
    isoString(createdAt),
    options.whole ? rows.length : null,
    options.check ? JSON.stringify(options.check) : null,
  ];
}

export const isPartlyStoredBatch = (error: unknown) => /usage batch partly stored already/.test(String((error as Error)?.message ?? error));
