import type { UsageEvent } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { createGroupCommit, type GroupCommit } from "~/server/lib/group-commit";
import { ensurePartitions } from "./ensure-partitions";
import { type IngestResult, ingestResult } from "./ingest-result";
import { insertEvents } from "./insert-events";
import { type EventReferencesAndMode, lookUpEventReferences } from "./look-up-event-references";
import { type ReferenceCheck, writeWithCachedReferences } from "./event-references-cache";
import { conflictErrors, matchRetriedEvents, storedEvent } from "./match-retried-events";
import { type EventReferences, type PreparedEvent, prepareEvents, type RawEvent } from "./prepare-events";
import { storeEventBatch } from "./store-event-batch";

/** Requests of one flush: bounded so one statement stays short. */
const MAX_EVENTS_PER_FLUSH = 200;

export interface SingleEventRequest {
  event: RawEvent;
  receivedAt: Date;
  maxAgeDays: number;
  /** false for events that came from Lago (the import's backfill): never forwarded to it. */
  forwardToLago: boolean;
}

/** A flush's answer: the request's result, or its prepared event, to store with its forward to Lago (a shadow service's). */
type FlushAnswer = IngestResult | { forward: { events: PreparedEvent[]; unique: PreparedEvent[] } };

/*
 * Single events (one per request, as NexaDesk and Lago's createEvent send them) from
 * concurrent requests are ingested together: one lookup of what they name and one
 * statement for every event that arrived while the previous flush ran. A single event is
 * all or nothing on its own, so the group needs no transaction: each event is validated
 * alone, then either claimed by the statement (stored) or stored before (a retry, or a
 * conflict answered to that request alone). Per database client and service, on
 * globalThis as Next may load this module once per route.
 *
 * The flush's lookup also reads the service's billing mode (a switch by any app process
 * applies to the next flush): a shadow service's events leave the group prepared, and
 * each is stored in a transaction with its forward to Lago, as a batch is
 * (storeEventBatch's `forward`), by its own request. A flush naming only subscriptions and
 * metrics looked up before skips the lookup, and its insert checks the cached references
 * instead (event-references-cache.ts), as a batch's does.
 */
type Groups = WeakMap<Db, Map<string, GroupCommit<SingleEventRequest, FlushAnswer>>>;
const groups = ((globalThis as { nexaSingleEventGroups?: Groups }).nexaSingleEventGroups ??= new WeakMap());

async function flush(db: Db, serviceId: string, requests: SingleEventRequest[]): Promise<FlushAnswer[]> {
  const subscriptionIds = [...new Set(requests.map((request) => request.event.externalSubscriptionId))];
  const codes = [...new Set(requests.map((request) => request.event.code))];
  const prepareAll = (references: EventReferences) =>
    requests.map((request) => prepareEvents({ serviceId, events: [request.event], references, receivedAt: request.receivedAt, maxAgeDays: request.maxAgeDays }));
  const answers = await writeWithCachedReferences(db, serviceId, { subscriptionIds, codes }, async (references, check) => {
    const prepared = prepareAll(references);
    return prepared.some((one) => one.errors.size) ? null : storeFlush(db, serviceId, requests, prepared, references, check);
  });
  if (answers) return answers;
  const references = await lookUpEventReferences(db, serviceId, subscriptionIds, codes);
  return storeFlush(db, serviceId, requests, prepareAll(references), references, null);
}

async function storeFlush(db: Db, serviceId: string, requests: SingleEventRequest[], prepared: Array<ReturnType<typeof prepareEvents>>, references: EventReferencesAndMode, check: ReferenceCheck | null): Promise<FlushAnswer[]> {
  const forwarded = requests.map((request) => request.forwardToLago && references.billingMode === "shadow");
  const valid = prepared.flatMap((one, index) => (one.errors.size || forwarded[index] ? [] : one.events));
  const createdAt = new Date();
  let fresh = new Set<string>();
  let previous = new Map<string, UsageEvent>();
  if (valid.length) {
    await ensurePartitions(db, valid.map((event) => event.timestamp));
    fresh = await insertEvents(db, valid, createdAt, { check });
    previous = (await matchRetriedEvents(db, serviceId, valid.filter((event) => !fresh.has(event.transactionId)))).stored;
  }
  return prepared.map((one, index): FlushAnswer => {
    if (one.errors.size) return { ok: false, errors: one.errors };
    if (forwarded[index]) return { forward: one };
    const event: PreparedEvent = one.events[0]!;
    if (fresh.has(event.transactionId)) return ingestResult(one.events, { stored: new Map([[event.transactionId, storedEvent(event, createdAt)]]), fresh: 1 });
    const stored = previous.get(event.transactionId);
    return ingestResult(one.events, stored ? { stored: new Map([[event.transactionId, stored]]), fresh: 0 } : { refused: conflictErrors([event]) });
  });
}

/** Ingests one event, in the next group commit of its service (a shadow service's: checked there, stored with its forward after it). */
export async function ingestSingleEvent(db: Db, serviceId: string, request: SingleEventRequest): Promise<IngestResult> {
  const byService = groups.get(db) ?? groups.set(db, new Map()).get(db)!;
  let group = byService.get(serviceId);
  if (!group) {
    // Two events with one transaction id never share a statement: the later sees the first stored.
    group = createGroupCommit({ maxItems: MAX_EVENTS_PER_FLUSH, key: (item) => item.event.transactionId, flush: (items) => flush(db, serviceId, items) });
    byService.set(serviceId, group);
  }
  const answer = await group.submit(request);
  if (!("forward" in answer)) return answer;
  return ingestResult(answer.forward.events, await storeEventBatch(db, serviceId, answer.forward.unique, { forward: "single" }));
}
