import type { AggregationType, Prisma, UsageEvent } from "~/generated/prisma/client";
import type { Db, DbOrTx } from "~/server/db/client";
import { ensurePartitions, forgetEnsuredPartitions, isMissingPartition } from "./ensure-partitions";
import { insertEvents } from "./insert-events";
import { addEventError, type EventErrors, type EventReferences, isSameEvent, type PreparedEvent, prepareEvents, type RawEvent } from "./prepare-events";

export interface IngestedEvent extends UsageEvent {
  externalSubscriptionId: string;
  lagoCustomerId: string;
}

/**
 * Every event stored (or found stored), in wire order, with how many this call stored
 * (the others were retries), or the refusals by event index: nothing is stored then.
 */
export type IngestResult = { ok: true; events: IngestedEvent[]; stored: number } | { ok: false; errors: EventErrors };

/** Thrown inside the storing transaction to roll the whole batch back. */
class BatchRefused extends Error {
  constructor(readonly errors: EventErrors) {
    super("events refused");
  }
}

/**
 * Stores a batch of usage events all-or-nothing, with set-based queries: one lookup of
 * the subscriptions and metrics, one INSERT … ON CONFLICT DO NOTHING. (service,
 * transaction_id) is the idempotency key: an event already stored with the same content
 * is answered from storage and never counted twice; the same id with different content is
 * Lago's `value_already_exist`. Validation is prepareEvents'; the caller decides how a
 * refusal is answered (a single event's unknown subscription is a 404, a batch's a 422).
 */
export async function ingestEvents(options: { db: Db; serviceId: string; events: RawEvent[]; maxAgeDays: number; receivedAt?: Date }): Promise<IngestResult> {
  const { db, serviceId, events } = options;
  const references = await lookUpReferences(db, serviceId, [...new Set(events.map((e) => e.externalSubscriptionId))], [...new Set(events.map((e) => e.code))]);
  const prepared = prepareEvents({ serviceId, events, references, receivedAt: options.receivedAt ?? new Date(), maxAgeDays: options.maxAgeDays });
  if (prepared.errors.size) return { ok: false, errors: prepared.errors };

  const { unique } = prepared;
  const createdAt = new Date();
  const store = () =>
    db
      .$transaction(async (tx) => {
        await ensurePartitions(tx, unique.map((event) => event.timestamp));
        const fresh = await insertEvents(tx, unique, createdAt);
        const stored = new Map<string, UsageEvent>();
        const retried: PreparedEvent[] = [];
        for (const event of unique) {
          if (fresh.has(event.transactionId)) stored.set(event.transactionId, storedEvent(event, createdAt));
          else retried.push(event);
        }
        const errors: EventErrors = new Map();
        for (const previous of retried.length ? await findStoredEvents(tx, serviceId, retried.map((e) => e.transactionId)) : []) {
          const event = retried.find((e) => e.transactionId === previous.transactionId)!;
          if (isSameEvent(previous, event)) stored.set(event.transactionId, previous);
          else addEventError(errors, event.index, "transaction_id", "value_already_exist");
        }
        // Throwing inside the transaction rolls back this batch's inserts: all or nothing.
        if (errors.size) throw new BatchRefused(errors);
        return { stored, fresh: fresh.size };
      })
      .catch((error: unknown) => {
        if (error instanceof BatchRefused) return { refused: error.errors };
        throw error;
      });
  let outcome: Awaited<ReturnType<typeof store>>;
  try {
    outcome = await store();
  } catch (error) {
    // Retention may have dropped a month this process thought existed.
    if (!isMissingPartition(error)) throw error;
    forgetEnsuredPartitions();
    outcome = await store();
  }
  if ("refused" in outcome) return { ok: false, errors: outcome.refused };
  const { stored } = outcome;

  return {
    ok: true,
    stored: outcome.fresh,
    events: prepared.events.map((event) => ({
      ...stored.get(event.transactionId)!,
      externalSubscriptionId: event.externalSubscriptionId,
      lagoCustomerId: event.lagoCustomerId,
    })),
  };
}

const storedEvent = (event: PreparedEvent, createdAt: Date): UsageEvent => ({
  id: event.id,
  serviceId: event.serviceId,
  transactionId: event.transactionId,
  subscriptionId: event.subscriptionId,
  code: event.code,
  timestamp: event.timestamp,
  properties: event.properties as Prisma.JsonValue,
  createdAt,
});

type Reference =
  | { kind: "subscription"; id: string; key: string; account_link_id: string; aggregation_type: null; field_name: null; subscription_at: Date; odoo_closed_at: Date | null }
  | { kind: "metric"; id: null; key: string; account_link_id: null; aggregation_type: AggregationType; field_name: string | null; subscription_at: null; odoo_closed_at: null };

/** The batch's subscriptions and metrics in one query: every round trip counts on the hot path. */
async function lookUpReferences(db: DbOrTx, serviceId: string, subscriptionIds: string[], codes: string[]) {
  const rows = await db.$queryRaw<Reference[]>`
    SELECT 'subscription' AS kind, s.id::text AS id, s.external_id AS key, s.account_link_id::text AS account_link_id,
           NULL AS aggregation_type, NULL AS field_name, s.subscription_at AS subscription_at, s.odoo_closed_at AS odoo_closed_at
    FROM subscriptions s
    WHERE s.service_id = ${serviceId}::uuid AND s.external_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(subscriptionIds)}::jsonb))
    UNION ALL
    SELECT 'metric', NULL, m.code, NULL, m.aggregation_type::text, m.field_name, NULL, NULL
    FROM billable_metrics m WHERE m.code IN (SELECT jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))
      -- Another service's metric does not exist for this key (catalog ownership).
      AND (m.owner_service_id IS NULL OR m.owner_service_id = ${serviceId}::uuid)`;
  type Subscription = EventReferences["subscriptionByExternalId"] extends ReadonlyMap<string, infer V> ? V : never;
  const subscriptionByExternalId = new Map<string, Subscription>();
  const metricByCode = new Map<string, { code: string; aggregationType: AggregationType; fieldName: string | null }>();
  for (const row of rows) {
    if (row.kind === "subscription") {
      subscriptionByExternalId.set(row.key, { id: row.id, externalId: row.key, accountLinkId: row.account_link_id, subscriptionAt: row.subscription_at, odooClosedAt: row.odoo_closed_at });
    }
    else metricByCode.set(row.key, { code: row.key, aggregationType: row.aggregation_type, fieldName: row.field_name });
  }
  return { subscriptionByExternalId, metricByCode };
}

/** Events already stored under these transaction ids, found through the ledger. */
async function findStoredEvents(db: DbOrTx, serviceId: string, transactionIds: string[]): Promise<UsageEvent[]> {
  const keys = await db.usageEventKey.findMany({ where: { serviceId, transactionId: { in: transactionIds } } });
  if (!keys.length) return [];
  return db.usageEvent.findMany({
    where: { OR: keys.map((key) => ({ id: key.eventId, timestamp: key.eventTimestamp })) },
  });
}
