import type { Db } from "~/server/db/client";
import { env } from "~/server/env";
import { ingestEvents } from "~/server/usage/ingest-events";
import type { ImportIssue } from "./import-issue";
import type { LagoEvent } from "./lago-wire";

/**
 * Stores one of Lago's events as a usage event of the service, with Lago's transaction id:
 * a rerun, or the app's own retry arriving later, finds it stored and counts it once. Not
 * forwarded to Lago, which has it. Lago lists timestamps in ISO 8601; its API (and the
 * hub's) takes them in Unix seconds. An event the hub refuses (its subscription or metric
 * not imported, too old) is reported, not fatal.
 */
export async function importLagoEvent(options: { db: Db; serviceId: string; event: LagoEvent }): Promise<ImportIssue[]> {
  const { event } = options;
  const result = await ingestEvents({
    db: options.db,
    serviceId: options.serviceId,
    events: [{ transactionId: event.transaction_id, externalSubscriptionId: event.external_subscription_id, code: event.code, timestamp: Date.parse(event.timestamp) / 1000, properties: event.properties }],
    maxAgeDays: env().USAGE_EVENTS_MAX_AGE_DAYS,
    forwardToLago: false,
  });
  if (result.ok) return [];
  return [{ resource: "events", id: event.transaction_id, feature: "refused", detail: JSON.stringify(result.errors.get(0) ?? {}).slice(0, 300), action: "skipped" }];
}
