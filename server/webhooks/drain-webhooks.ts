import type { Db } from "~/server/db/client";
import { env } from "~/server/env";
import { claimDeliveries } from "./claim-deliveries";
import { type DeliveryOutcome, deliverWebhook } from "./deliver-webhook";

/**
 * Sends every due delivery, a batch at a time (one per service customer, in parallel)
 * until none is due or `maxDeliveries` is reached. `now` simulates the clock (tests,
 * a receiver back after hours); without it each batch uses the current time.
 */
export async function drainWebhooks(options: {
  db: Db;
  now?: Date;
  batchSize?: number;
  maxDeliveries?: number;
  timeoutMs?: number;
  random?: () => number;
}): Promise<Record<DeliveryOutcome, number>> {
  const { db, random } = options;
  const batchSize = options.batchSize ?? 10;
  const maxDeliveries = options.maxDeliveries ?? 500;
  const timeoutMs = options.timeoutMs ?? env().WEBHOOK_TIMEOUT_MS;
  // The lease outlives the HTTP timeout so a slow attempt is never sent twice at once.
  const leaseMs = timeoutMs + 30_000;
  const totals: Record<DeliveryOutcome, number> = { delivered: 0, retrying: 0, dead: 0 };
  for (let sent = 0; sent < maxDeliveries; ) {
    const now = options.now ?? new Date();
    const claimed = await claimDeliveries({ db, now, limit: Math.min(batchSize, maxDeliveries - sent), leaseMs });
    if (!claimed.length) break;
    const outcomes = await Promise.all(claimed.map((delivery) => deliverWebhook({ db, delivery, now, timeoutMs, random })));
    for (const outcome of outcomes) totals[outcome]++;
    sent += claimed.length;
  }
  return totals;
}
