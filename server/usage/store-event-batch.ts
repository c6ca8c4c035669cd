import type { UsageEvent } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { ensurePartitions } from "./ensure-partitions";
import type { ReferenceCheck } from "./event-references-cache";
import { type EventsEndpoint, forwardEvents } from "./forward-events";
import { insertEvents, isPartlyStoredBatch } from "./insert-events";
import { conflictErrors, matchRetriedEvents, storedEvent, type StoreOutcome } from "./match-retried-events";
import type { EventErrors, PreparedEvent } from "./prepare-events";

/** Thrown inside the storing transaction to roll the whole batch back. */
class BatchRefused extends Error {
  constructor(readonly errors: EventErrors) {
    super("events refused");
  }
}

/**
 * Stores a batch all or nothing. The usual batch is all new: one autocommit statement,
 * which holds the rollup rows it updates only while it runs (a transaction would hold
 * them across round trips, a convoy when every client writes one subscription). A batch
 * of which some ids are stored already makes that statement abort itself, and goes the
 * transactional way: insert, compare the retried ones, roll back on any conflict.
 *
 * A shadow service's events (`forward`) always go the transactional way, so that what
 * Lago must receive of them commits with them (forwardEvents). Events prepared from cached
 * references carry their `check` into both ways' insert.
 */
export async function storeEventBatch(db: Db, serviceId: string, unique: PreparedEvent[], options: { forward?: EventsEndpoint; check?: ReferenceCheck } = {}): Promise<StoreOutcome> {
  const createdAt = new Date();
  await ensurePartitions(db, unique.map((event) => event.timestamp));
  if (!options.forward) {
    try {
      await insertEvents(db, unique, createdAt, { whole: true, check: options.check });
      return { stored: new Map(unique.map((event) => [event.transactionId, storedEvent(event, createdAt)])), fresh: unique.length };
    } catch (error) {
      if (!isPartlyStoredBatch(error)) throw error;
    }
  }
  return db
    .$transaction(async (tx) => {
      const fresh = await insertEvents(tx, unique, createdAt, { check: options.check });
      const retried = unique.filter((event) => !fresh.has(event.transactionId));
      const matched = await matchRetriedEvents(tx, serviceId, retried);
      // Throwing inside the transaction rolls back this batch's inserts: all or nothing.
      if (matched.conflicts.length) throw new BatchRefused(conflictErrors(matched.conflicts));
      if (options.forward) await forwardEvents(tx, serviceId, options.forward, unique.filter((event) => fresh.has(event.transactionId)));
      const stored = new Map<string, UsageEvent>(matched.stored);
      for (const event of unique) if (fresh.has(event.transactionId)) stored.set(event.transactionId, storedEvent(event, createdAt));
      return { stored, fresh: fresh.size };
    })
    .catch((error: unknown) => {
      if (error instanceof BatchRefused) return { refused: error.errors };
      throw error;
    });
}
