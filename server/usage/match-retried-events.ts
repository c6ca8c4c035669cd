import type { Prisma, UsageEvent } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { addEventError, type EventErrors, isSameEvent, type PreparedEvent } from "./prepare-events";

/** What storing a set of prepared events came to: each stored event by transaction id and how many were new, or the refusals. */
export type StoreOutcome = { stored: Map<string, UsageEvent>; fresh: number } | { refused: EventErrors };

/** The row a freshly claimed event became. */
export const storedEvent = (event: PreparedEvent, createdAt: Date): UsageEvent => ({
  id: event.id,
  serviceId: event.serviceId,
  transactionId: event.transactionId,
  subscriptionId: event.subscriptionId,
  code: event.code,
  timestamp: event.timestamp,
  properties: event.properties as Prisma.JsonValue,
  createdAt,
});

/**
 * Events whose transaction id was stored already (one event per id): a retry with the
 * same content is answered with the stored row; other content, or an id whose event
 * retention dropped, is a conflict (Lago's `value_already_exist`).
 */
export async function matchRetriedEvents(db: DbOrTx, serviceId: string, retried: PreparedEvent[]): Promise<{ stored: Map<string, UsageEvent>; conflicts: PreparedEvent[] }> {
  const stored = new Map<string, UsageEvent>();
  if (!retried.length) return { stored, conflicts: [] };
  const keys = await db.usageEventKey.findMany({ where: { serviceId, transactionId: { in: retried.map((e) => e.transactionId) } } });
  const previous = keys.length ? await db.usageEvent.findMany({ where: { OR: keys.map((key) => ({ id: key.eventId, timestamp: key.eventTimestamp })) } }) : [];
  const byTransaction = new Map(previous.map((row) => [row.transactionId, row]));
  const conflicts: PreparedEvent[] = [];
  for (const event of retried) {
    const row = byTransaction.get(event.transactionId);
    if (row && isSameEvent(row, event)) stored.set(event.transactionId, row);
    else conflicts.push(event);
  }
  return { stored, conflicts };
}

/** The refusal of conflicting events, by their index in the request. */
export function conflictErrors(conflicts: PreparedEvent[]): EventErrors {
  const errors: EventErrors = new Map();
  for (const event of conflicts) addEventError(errors, event.index, "transaction_id", "value_already_exist");
  return errors;
}
