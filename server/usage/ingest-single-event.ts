import type { UsageEvent } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { createGroupCommit, type GroupCommit } from "~/server/lib/group-commit";
import { ensurePartitions } from "./ensure-partitions";
import { type IngestResult, ingestResult } from "./ingest-result";
import { insertEvents } from "./insert-events";
import { lookUpEventReferences } from "./look-up-event-references";
import { conflictErrors, matchRetriedEvents, storedEvent } from "./match-retried-events";
import { type PreparedEvent, prepareEvents, type RawEvent } from "./prepare-events";

/** Requests of one flush: bounded so one statement stays short. */
const MAX_EVENTS_PER_FLUSH = 200;

export interface SingleEventRequest {
  event: RawEvent;
  receivedAt: Date;
  maxAgeDays: number;
}

/*
 * Single events (one per request, as NexaDesk and Lago's createEvent send them) from
 * concurrent requests are ingested together: one lookup of what they name and one
 * statement for every event that arrived while the previous flush ran. A single event is
 * all or nothing on its own, so the group needs no transaction: each event is validated
 * alone, then either claimed by the statement (stored) or stored before (a retry, or a
 * conflict answered to that request alone). Per database client and service, on
 * globalThis as Next may load this module once per route.
 */
type Groups = WeakMap<Db, Map<string, GroupCommit<SingleEventRequest, IngestResult>>>;
const groups = ((globalThis as { nexaSingleEventGroups?: Groups }).nexaSingleEventGroups ??= new WeakMap());

async function flush(db: Db, serviceId: string, requests: SingleEventRequest[]): Promise<IngestResult[]> {
  const events = requests.map((request) => request.event);
  const references = await lookUpEventReferences(db, serviceId, [...new Set(events.map((e) => e.externalSubscriptionId))], [...new Set(events.map((e) => e.code))]);
  const prepared = requests.map((request) => prepareEvents({ serviceId, events: [request.event], references, receivedAt: request.receivedAt, maxAgeDays: request.maxAgeDays }));
  const valid = prepared.flatMap((one) => (one.errors.size ? [] : one.events));
  const createdAt = new Date();
  let fresh = new Set<string>();
  let previous = new Map<string, UsageEvent>();
  if (valid.length) {
    await ensurePartitions(db, valid.map((event) => event.timestamp));
    fresh = await insertEvents(db, valid, createdAt);
    previous = (await matchRetriedEvents(db, serviceId, valid.filter((event) => !fresh.has(event.transactionId)))).stored;
  }
  return prepared.map((one) => {
    if (one.errors.size) return { ok: false, errors: one.errors };
    const event: PreparedEvent = one.events[0]!;
    if (fresh.has(event.transactionId)) return ingestResult(one.events, { stored: new Map([[event.transactionId, storedEvent(event, createdAt)]]), fresh: 1 });
    const stored = previous.get(event.transactionId);
    return ingestResult(one.events, stored ? { stored: new Map([[event.transactionId, stored]]), fresh: 0 } : { refused: conflictErrors([event]) });
  });
}

/** Ingests one event, in the next group commit of its service. */
export function ingestSingleEvent(db: Db, serviceId: string, request: SingleEventRequest): Promise<IngestResult> {
  const byService = groups.get(db) ?? groups.set(db, new Map()).get(db)!;
  let group = byService.get(serviceId);
  if (!group) {
    // Two events with one transaction id never share a statement: the later sees the first stored.
    group = createGroupCommit({ maxItems: MAX_EVENTS_PER_FLUSH, key: (item) => item.event.transactionId, flush: (items) => flush(db, serviceId, items) });
    byService.set(serviceId, group);
  }
  return group.submit(request);
}
