import type { Db } from "~/server/db/client";
import { settleDueSubscriptions } from "~/server/subscriptions/settle-due-subscriptions";
import { claimDeliveries } from "./claim-deliveries";
import { type DeliveryOutcome, deliverWebhook } from "./deliver-webhook";
import { fanOutHubEvents } from "./fan-out-hub-events";
import type { WebhookSettings } from "./webhook-settings";

/**
 * Sends every due delivery, a batch at a time (one per service customer, in parallel)
 * until none is due or `maxDeliveries` is reached. First settles what time alone
 * changed (subscriptions starting or reaching `ending_at`) and fans out the hub's own
 * events, so one schedule (cron route, CLI, worker) covers every webhook. `now`
 * simulates the clock (tests, a receiver back after hours); without it each batch uses
 * the current time.
 */
export async function drainWebhooks(options: {
  db: Db;
  settings: WebhookSettings;
  now?: Date;
  batchSize?: number;
  maxDeliveries?: number;
  random?: () => number;
  /** Once aborted (a stopping worker) no further batch is claimed; the one being sent finishes. */
  signal?: AbortSignal;
}): Promise<Record<DeliveryOutcome, number>> {
  const { db, random } = options;
  const batchSize = options.batchSize ?? 10;
  const maxDeliveries = options.maxDeliveries ?? 500;
  const { timeoutMs } = options.settings;
  // The lease outlives the HTTP timeout so a slow attempt is never sent twice at once.
  const leaseMs = timeoutMs + 30_000;
  const totals: Record<DeliveryOutcome, number> = { delivered: 0, retrying: 0, dead: 0 };
  await settleDueSubscriptions({ db, now: options.now });
  while ((await fanOutHubEvents({ db, settings: options.settings, now: options.now })) > 0);
  for (let sent = 0; sent < maxDeliveries && !options.signal?.aborted; ) {
    const now = options.now ?? new Date();
    const claimed = await claimDeliveries({ db, now, limit: Math.min(batchSize, maxDeliveries - sent), leaseMs });
    if (!claimed.length) break;
    const outcomes = await Promise.all(claimed.map((delivery) => deliverWebhook({ db, delivery, now, timeoutMs, random, urlPolicy: options.settings.urlPolicy, jwt: options.settings.jwtSigner })));
    for (const outcome of outcomes) totals[outcome]++;
    sent += claimed.length;
  }
  return totals;
}
