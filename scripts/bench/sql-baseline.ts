import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { ReferenceCheck } from "~/server/usage/event-references-cache";
import { type EventRow, INSERT_EVENTS, insertEventsParams } from "~/server/usage/insert-events";
import { type LoadResult, runLoad } from "./load";

/*
 * The no-app baselines: what PostgreSQL itself allows for the writes accepted events cost
 * (claim the key, store the event, fold it into its hourly rollup), sent straight from a
 * pool of `concurrency` connections, one statement per request. The hub's figure divided
 * by the baseline's is the share of its own SQL's speed the app keeps.
 *
 * hubStatementWrites sends the hub's own statement (insert-events.ts) with the parameters
 * the hub would send, its checks included: what is left between the two is the app.
 * minimalWrites sends a shorter statement of the same three writes, without what the hub
 * adds to them (the last value's tie-breaks, unique-count values, the checks): the bound
 * of those writes themselves.
 */

const MINIMAL_WRITES = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::jsonb[], $5::numeric[]) AS x(id, transaction_id, ts, properties, num)
  ), claimed AS (
    INSERT INTO usage_event_keys (service_id, transaction_id, event_id, event_timestamp)
    SELECT $6::uuid, transaction_id, id, ts FROM input ON CONFLICT DO NOTHING RETURNING transaction_id
  ), stored AS (
    INSERT INTO usage_events (id, service_id, transaction_id, subscription_id, code, "timestamp", properties, created_at)
    SELECT id, $6::uuid, transaction_id, $7::uuid, $8, ts, properties, now() FROM input JOIN claimed USING (transaction_id)
  )
  INSERT INTO usage_rollups AS r (subscription_id, code, hour, events_count, sum_value, max_value, latest_value, latest_at, latest_created_at, latest_transaction_id)
  SELECT $7::uuid, $8, date_trunc('hour', ts), count(*), sum(num), max(num), (array_agg(num ORDER BY ts DESC))[1], max(ts), now(), max(transaction_id)
  FROM input JOIN claimed USING (transaction_id) GROUP BY 3
  ON CONFLICT (subscription_id, code, hour) DO UPDATE SET
    events_count = r.events_count + EXCLUDED.events_count, sum_value = r.sum_value + EXCLUDED.sum_value,
    max_value = greatest(r.max_value, EXCLUDED.max_value), latest_value = EXCLUDED.latest_value,
    latest_at = greatest(r.latest_at, EXCLUDED.latest_at), latest_transaction_id = EXCLUDED.latest_transaction_id`;

export interface BaselineTarget {
  serviceId: string;
  /** One subscription per client (spread), or the same one repeated (hot). */
  subscriptionIds: string[];
  code: string;
}

export async function withPool<T>(url: string, size: number, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: size });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/**
 * `requests` statements of `eventsPerRequest` events each, `concurrency` at a time, on
 * `pool` (kept open, so its backends' CPU is still theirs when the phase is measured).
 * The parameters are built before the clock starts, as the hub's request bodies are.
 */
function statementLoad(pool: pg.Pool, statement: { name: string; text: string }, params: unknown[][], concurrency: number): Promise<LoadResult> {
  return runLoad({ requests: params.length, concurrency, send: async (request) => (await pool.query({ ...statement, values: params[request] }), true) });
}

type WriteOptions = { requests: number; eventsPerRequest: number; concurrency: number; runId: string };

const eventRows = (target: BaselineTarget, options: WriteOptions, request: number, at: Date): EventRow[] =>
  Array.from({ length: options.eventsPerRequest }, (_, i) => ({
    id: randomUUID(),
    serviceId: target.serviceId,
    transactionId: `${options.runId}-${request * options.eventsPerRequest + i}`,
    subscriptionId: target.subscriptionIds[request % target.subscriptionIds.length]!,
    code: target.code,
    timestamp: at,
    properties: { units: 1 },
    numericValue: "1",
    distinctValue: null,
  }));

/**
 * The hub's insert as the hub sends it, with the check of its cached references (`checks`,
 * by subscription id): a batch whole (all or nothing), a flush of single events not.
 */
export function hubStatementWrites(pool: pg.Pool, target: BaselineTarget & { checks: ReadonlyMap<string, ReferenceCheck> }, options: WriteOptions): Promise<LoadResult> {
  const at = new Date();
  const params = Array.from({ length: options.requests }, (_, request) => {
    const rows = eventRows(target, options, request, at);
    return insertEventsParams(rows, at, { whole: options.eventsPerRequest > 1, check: target.checks.get(rows[0]!.subscriptionId) });
  });
  return statementLoad(pool, INSERT_EVENTS, params, options.concurrency);
}

export function minimalWrites(pool: pg.Pool, target: BaselineTarget, options: WriteOptions): Promise<LoadResult> {
  const at = new Date();
  const params = Array.from({ length: options.requests }, (_, request) => {
    const rows = eventRows(target, options, request, at);
    return [rows.map((r) => r.id), rows.map((r) => r.transactionId), rows.map(() => at.toISOString()), rows.map(() => '{"units":1}'), rows.map(() => "1"), target.serviceId, rows[0]!.subscriptionId, target.code];
  });
  return statementLoad(pool, { name: "bench-minimal-writes", text: MINIMAL_WRITES }, params, options.concurrency);
}

/** The raw storage limit: COPY of `rows` event rows into an unindexed copy of usage_events, one stream per client. */
export async function baselineCopy(pool: pg.Pool, options: { rows: number; concurrency: number }): Promise<LoadResult> {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_copy_target (LIKE usage_events)`);
  const perStream = Math.ceil(options.rows / options.concurrency);
  const result = await runLoad({
    requests: options.concurrency,
    concurrency: options.concurrency,
    send: async (stream) => {
      const client = await pool.connect();
      try {
        const at = new Date().toISOString();
        const lines = function* () {
          for (let i = 0; i < perStream; i++) {
            yield `${randomUUID()}\t${randomUUID()}\tcopy-${stream}-${i}\t${randomUUID()}\tbench_units\t${at}\t{"units": 1}\t${at}\n`;
          }
        };
        await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY bench_copy_target (id, service_id, transaction_id, subscription_id, code, "timestamp", properties, created_at) FROM STDIN`)));
        return true;
      } finally {
        client.release();
      }
    },
  });
  await pool.query(`DROP TABLE bench_copy_target`);
  return { ...result, ok: perStream * options.concurrency };
}
