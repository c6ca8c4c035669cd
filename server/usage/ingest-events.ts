import type { Db } from "~/server/db/client";
import { forgetEnsuredPartitions, isMissingPartition } from "./ensure-partitions";
import { type IngestResult, ingestResult } from "./ingest-result";
import { ingestSingleEvent } from "./ingest-single-event";
import { writeWithCachedReferences } from "./event-references-cache";
import { lookUpEventReferences } from "./look-up-event-references";
import { prepareEvents, type RawEvent } from "./prepare-events";
import { storeEventBatch } from "./store-event-batch";

export type { IngestedEvent, IngestResult } from "./ingest-result";

/** Retention may have dropped a month this process thought existed: forget, and try once more. */
async function retryingMissingPartition<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isMissingPartition(error)) throw error;
    forgetEnsuredPartitions();
    return work();
  }
}

/**
 * Stores a batch of usage events all-or-nothing, with set-based queries: one lookup of
 * the subscriptions and metrics, one INSERT … ON CONFLICT DO NOTHING. (service,
 * transaction_id) is the idempotency key: an event already stored with the same content
 * is answered from storage and never counted twice; the same id with different content is
 * Lago's `value_already_exist`. Validation is prepareEvents'; the caller decides how a
 * refusal is answered (a single event's unknown subscription is a 404, a batch's a 422).
 * A lone event joins the group commit of concurrent ones (ingestSingleEvent). This is the
 * one place where an accepted batch is known: its `ok` result.
 *
 * A shadow service's events are stored in a transaction with their forward to Lago
 * (storeEventBatch's `forward`), each request's on its own; a lone event learns the mode
 * in its group's lookup. The mode is read with the subscriptions and metrics, in the same
 * query (lookUpEventReferences), not in a round trip of its own per request.
 *
 * A batch naming only subscriptions and metrics looked up before skips that query: it is
 * prepared from the cached references, which its insert checks in its own snapshot
 * (event-references-cache.ts). Stale ones, a refusal, or a shadow service: looked up.
 */
export async function ingestEvents(options: {
  db: Db;
  serviceId: string;
  events: RawEvent[];
  maxAgeDays: number;
  receivedAt?: Date;
  /** false for events that came from Lago (the import's backfill): Lago has them. */
  forwardToLago?: boolean;
}): Promise<IngestResult> {
  const { db, serviceId, events } = options;
  const receivedAt = options.receivedAt ?? new Date();
  const forwardToLago = options.forwardToLago !== false;
  if (events.length === 1) {
    return retryingMissingPartition(() => ingestSingleEvent(db, serviceId, { event: events[0]!, receivedAt, maxAgeDays: options.maxAgeDays, forwardToLago }));
  }
  const subscriptionIds = [...new Set(events.map((e) => e.externalSubscriptionId))];
  const codes = [...new Set(events.map((e) => e.code))];
  const stored = await writeWithCachedReferences(db, serviceId, { subscriptionIds, codes }, async (references, check) => {
    const prepared = prepareEvents({ serviceId, events, references, receivedAt, maxAgeDays: options.maxAgeDays });
    if (prepared.errors.size) return null;
    return ingestResult(prepared.events, await retryingMissingPartition(() => storeEventBatch(db, serviceId, prepared.unique, { check })));
  });
  if (stored) return stored;
  const references = await lookUpEventReferences(db, serviceId, subscriptionIds, codes);
  const forward = forwardToLago && references.billingMode === "shadow" ? "batch" : undefined;
  const prepared = prepareEvents({ serviceId, events, references, receivedAt, maxAgeDays: options.maxAgeDays });
  if (prepared.errors.size) return { ok: false, errors: prepared.errors };
  return ingestResult(prepared.events, await retryingMissingPartition(() => storeEventBatch(db, serviceId, prepared.unique, { forward })));
}
