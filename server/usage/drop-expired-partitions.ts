import type { DbOrTx } from "~/server/db/client";
import { forgetEnsuredPartitions } from "./ensure-partitions";

/**
 * Retention: drops whole monthly partitions of usage_events that ended more than
 * `retentionMonths` months ago. Rollups stay, so past periods' usage can still be read
 * from whole hours; the idempotency ledger stays too, so a very late retry is still
 * recognised and never counted again.
 */
export async function dropExpiredPartitions(options: { db: DbOrTx; retentionMonths: number; now?: Date }): Promise<string[]> {
  const now = options.now ?? new Date();
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - options.retentionMonths, 1));
  const partitions = await options.db.$queryRaw<Array<{ name: string }>>`
    SELECT child.relname AS name FROM pg_inherits
    JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
    JOIN pg_class child ON child.oid = pg_inherits.inhrelid
    WHERE parent.relname = 'usage_events' AND child.relname ~ '^usage_events_p[0-9]{6}$'`;
  const expired = partitions
    .map((p) => p.name)
    .filter((name) => {
      const year = Number(name.slice(-6, -2));
      const month = Number(name.slice(-2));
      return new Date(Date.UTC(year, month, 1)) <= cutoff; // the partition's end is on or before the cutoff
    })
    .sort();
  for (const name of expired) await options.db.$executeRawUnsafe(`DROP TABLE "${name}"`);
  if (expired.length) forgetEnsuredPartitions();
  return expired;
}
