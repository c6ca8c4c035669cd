import type { Db } from "~/server/db/client";
import { ensurePartitions } from "~/server/usage/ensure-partitions";
import { rebuildRollups } from "~/server/usage/rebuild-rollups";

/**
 * Inserts `count` sum-metric events for one subscription in one set-based statement,
 * spread over the first day of the period, then brings the ledger and rollups up to date.
 */
export async function bulkLoadEvents(options: { db: Db; serviceId: string; subscriptionId: string; from: Date; offset: number; count: number }) {
  const { db, serviceId, subscriptionId, from, offset, count } = options;
  if (count <= 0) return;
  await ensurePartitions(db, [from]);
  await db.$executeRaw`
    INSERT INTO usage_events (id, service_id, transaction_id, subscription_id, code, "timestamp", properties)
    SELECT gen_random_uuid(), ${serviceId}::uuid, 'bulk-' || g, ${subscriptionId}::uuid, 'bench_units',
           ${from}::timestamptz + (g % 86400) * interval '1 second', jsonb_build_object('units', (g % 7) + 1)
    FROM generate_series(${offset}::int, ${offset + count - 1}::int) AS g`;
  await db.$executeRaw`
    INSERT INTO usage_event_keys (service_id, transaction_id, event_id, event_timestamp)
    SELECT service_id, transaction_id, id, "timestamp" FROM usage_events
    WHERE subscription_id = ${subscriptionId}::uuid AND transaction_id LIKE 'bulk-%'
    ON CONFLICT DO NOTHING`;
  // Bulk rows bypassed the ingestion statement, so fold them into the rollups here.
  await rebuildRollups({ db, subscriptionId });
}
