import type { UsageEvent } from "~/generated/prisma/client";
import type { StoreOutcome } from "./match-retried-events";
import type { EventErrors, PreparedEvent } from "./prepare-events";

export interface IngestedEvent extends UsageEvent {
  externalSubscriptionId: string;
  lagoCustomerId: string;
}

/**
 * Every event stored (or found stored), in wire order, with how many this call stored
 * (the others were retries), or the refusals by event index: nothing is stored then.
 */
export type IngestResult = { ok: true; events: IngestedEvent[]; stored: number } | { ok: false; errors: EventErrors };

/** The answer to one request from how storing its prepared events went. */
export function ingestResult(events: PreparedEvent[], outcome: StoreOutcome): IngestResult {
  if ("refused" in outcome) return { ok: false, errors: outcome.refused };
  return {
    ok: true,
    stored: outcome.fresh,
    events: events.map((event): IngestedEvent => {
      // Field by field: a spread of the stored row was ten times slower, per event of every batch.
      const stored = outcome.stored.get(event.transactionId)!;
      return {
        id: stored.id,
        serviceId: stored.serviceId,
        transactionId: stored.transactionId,
        subscriptionId: stored.subscriptionId,
        code: stored.code,
        timestamp: stored.timestamp,
        properties: stored.properties,
        createdAt: stored.createdAt,
        externalSubscriptionId: event.externalSubscriptionId,
        lagoCustomerId: event.lagoCustomerId,
      };
    }),
  };
}
