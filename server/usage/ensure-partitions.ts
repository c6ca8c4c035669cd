import type { DbOrTx } from "~/server/db/client";

// Months whose partition this process has already ensured; creating one is DDL, so the
// hot path does it only the first time a month appears.
const ensuredMonths = new Set<number>();

// A number, not the ISO text: this runs for every event of every batch.
const monthKey = (instant: Date) => instant.getUTCFullYear() * 12 + instant.getUTCMonth();

/** Makes sure usage_events has a partition for the month of every timestamp given. */
export async function ensurePartitions(db: DbOrTx, timestamps: Date[]): Promise<void> {
  const missing = new Map<number, Date>();
  for (const timestamp of timestamps) {
    const key = monthKey(timestamp);
    if (!ensuredMonths.has(key)) missing.set(key, timestamp);
  }
  for (const [key, timestamp] of missing) {
    await db.$executeRaw`SELECT ensure_usage_event_partition(${timestamp}::timestamptz)`;
    ensuredMonths.add(key);
  }
}

/** After retention dropped partitions, the cache may lie: forget it. */
export function forgetEnsuredPartitions(): void {
  ensuredMonths.clear();
}

export const isMissingPartition = (error: unknown) => /no partition of relation/i.test(String((error as Error)?.message ?? error));
