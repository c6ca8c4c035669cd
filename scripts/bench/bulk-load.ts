import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { ensurePartitions } from "~/server/usage/ensure-partitions";
import { rebuildRollups } from "~/server/usage/rebuild-rollups";

/**
 * Inserts `count` sum-metric events for one subscription in set-based statements, spread
 * evenly from the start of the period to `until` (ordered by time within one load), then
 * brings the ledger and rollups up to date.
 *
 * Everything a load writes is in the order of every index it lands in: ids and
 * transaction ids grow with the row number, and so do timestamps. Random uuids and
 * timestamps cycling through one day put each row on a random page of indexes larger
 * than shared_buffers; 10M events took more than 7 minutes that way. In index order they
 * fill pages one after the other.
 */
export async function bulkLoadEvents(options: { db: Db; serviceId: string; subscriptionId: string; from: Date; until: Date; offset: number; count: number }) {
  const { db, serviceId, subscriptionId, from, until, offset, count } = options;
  if (count <= 0) return;
  await ensurePartitions(db, [from, until]);
  // Ordered uuids: a per-subscription prefix, then the row number in hex.
  const id = Prisma.sql`(substr(md5(${subscriptionId}::text), 1, 16) || lpad(to_hex(g), 16, '0'))::uuid`;
  const transactionId = Prisma.sql`'bulk-' || lpad(g::text, 10, '0')`;
  const at = Prisma.sql`${from}::timestamptz + (g - ${offset}::int) * ${(until.getTime() - from.getTime()) / count}::float8 * interval '1 millisecond'`;
  const rows = Prisma.sql`generate_series(${offset}::int, ${offset + count - 1}::int) AS g`;
  await db.$executeRaw`
    INSERT INTO usage_events (id, service_id, transaction_id, subscription_id, code, "timestamp", properties)
    SELECT ${id}, ${serviceId}::uuid, ${transactionId}, ${subscriptionId}::uuid, 'bench_units', ${at}, jsonb_build_object('units', (g % 7) + 1)
    FROM ${rows}`;
  await db.$executeRaw`
    INSERT INTO usage_event_keys (service_id, transaction_id, event_id, event_timestamp)
    SELECT ${serviceId}::uuid, ${transactionId}, ${id}, ${at} FROM ${rows}`;
  // Bulk rows bypassed the ingestion statement, so fold them into the rollups here.
  await rebuildRollups({ db, subscriptionId });
}

