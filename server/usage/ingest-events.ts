import type { AggregationType, Prisma, UsageEvent } from "~/generated/prisma/client";
import { randomUUID } from "node:crypto";
import type { Db, DbOrTx } from "~/server/db/client";
import { AppError, type ErrorDetails, notFound, validationFailed } from "~/server/errors";
import { canonicalJson } from "./canonical-json";
import { ensurePartitions, forgetEnsuredPartitions, isMissingPartition } from "./ensure-partitions";
import { isValidProperties, numericPropertyValue, parseEventTimestamp } from "./event-values";
import { type EventRow, insertEvents } from "./insert-events";

/** One event as the wire delivered it, after zod has checked the basic types. */
export interface RawEvent {
  transactionId: string;
  externalSubscriptionId: string;
  code: string;
  timestamp?: unknown;
  properties?: unknown;
}

export interface IngestedEvent extends UsageEvent {
  externalSubscriptionId: string;
  lagoCustomerId: string;
}

type Prepared = EventRow & { index: number; timestampGiven: boolean; externalSubscriptionId: string; lagoCustomerId: string };
type EventErrors = Map<number, Record<string, string[]>>;

const NUMERIC_AGGREGATIONS = new Set(["sum_agg", "max_agg", "latest_agg"]);

function addError(errors: EventErrors, index: number, field: string, code: string) {
  const fields = errors.get(index) ?? {};
  (fields[field] ??= []).push(code);
  errors.set(index, fields);
}

/** Same event, retried: a retry that omits the timestamp got "now" again, so ignore it then. */
function isSameEvent(stored: Pick<UsageEvent, "subscriptionId" | "code" | "timestamp" | "properties">, incoming: Prepared): boolean {
  return (
    stored.subscriptionId === incoming.subscriptionId &&
    stored.code === incoming.code &&
    (!incoming.timestampGiven || stored.timestamp.getTime() === (incoming.timestamp as Date).getTime()) &&
    canonicalJson(stored.properties) === canonicalJson(incoming.properties)
  );
}

/**
 * Stores a batch of usage events all-or-nothing, with set-based queries: one lookup of
 * the subscriptions, one of the metrics, one INSERT … ON CONFLICT DO NOTHING.
 * (service, transaction_id) is the idempotency key: an event already stored with the
 * same content is answered from storage and never counted twice; the same id with
 * different content is Lago's `value_already_exist`.
 *
 * Stricter than Lago, which accepts anything and drops it later: an unknown
 * subscription or metric, or a non-numeric value for a numeric metric, is refused with
 * the codes of Lago's own Events::ValidateCreationService, so no usage vanishes silently.
 */
export async function ingestEvents(options: {
  db: Db;
  serviceId: string;
  events: RawEvent[];
  mode: "single" | "batch";
  receivedAt?: Date;
}): Promise<IngestedEvent[]> {
  const { db, serviceId, events, mode } = options;
  const receivedAt = options.receivedAt ?? new Date();

  const subscriptionIds = [...new Set(events.map((e) => e.externalSubscriptionId))];
  const codes = [...new Set(events.map((e) => e.code))];
  const { subscriptionByExternalId, metricByCode } = await lookUpReferences(db, serviceId, subscriptionIds, codes);

  const errors: EventErrors = new Map();
  const prepared: Prepared[] = [];
  events.forEach((event, index) => {
    const subscription = subscriptionByExternalId.get(event.externalSubscriptionId);
    const metric = metricByCode.get(event.code);
    if (!subscription) addError(errors, index, "external_subscription_id", "subscription_not_found");
    if (!metric) addError(errors, index, "code", "billable_metric_not_found");
    const timestamp = event.timestamp === undefined || event.timestamp === null ? receivedAt : parseEventTimestamp(event.timestamp);
    if (!timestamp) addError(errors, index, "timestamp", "invalid_format");
    const properties = event.properties ?? {};
    let numericValue: string | null = null;
    let distinctValue: string | null = null;
    if (!isValidProperties(properties)) addError(errors, index, "properties", "invalid_format");
    else if (metric?.fieldName) {
      const value = (properties as Record<string, unknown>)[metric.fieldName];
      if (NUMERIC_AGGREGATIONS.has(metric.aggregationType)) {
        numericValue = numericPropertyValue(value);
        if (numericValue === null) addError(errors, index, "properties", "value_is_not_valid_number");
      } else if (metric.aggregationType === "unique_count_agg" && value !== undefined && value !== null) {
        // Text as PostgreSQL's ->> renders it, so rollups and raw-event reads agree.
        distinctValue = typeof value === "string" ? value : JSON.stringify(value);
      }
    }
    if (!subscription || !timestamp || errors.has(index)) return;
    prepared.push({
      index,
      id: randomUUID(),
      serviceId,
      transactionId: event.transactionId,
      subscriptionId: subscription.id,
      code: event.code,
      timestamp,
      timestampGiven: event.timestamp !== undefined && event.timestamp !== null,
      properties,
      numericValue,
      distinctValue,
      externalSubscriptionId: subscription.externalId,
      lagoCustomerId: subscription.accountLinkId,
    });
  });

  // Within one batch, a repeated transaction id is a retry only if the content agrees.
  const firstByTransaction = new Map<string, Prepared>();
  for (const event of prepared) {
    const first = firstByTransaction.get(event.transactionId);
    if (!first) firstByTransaction.set(event.transactionId, event);
    else if (!isSameEvent({ ...first, properties: first.properties as Prisma.JsonValue }, event)) {
      addError(errors, event.index, "transaction_id", "value_already_exist");
    }
  }
  throwIfErrors(errors, mode);

  const unique = [...firstByTransaction.values()];
  const createdAt = new Date();
  const store = () =>
    db.$transaction(async (tx) => {
      await ensurePartitions(tx, unique.map((event) => event.timestamp));
      const fresh = await insertEvents(tx, unique, createdAt);
      const stored = new Map<string, UsageEvent>();
      const retried: Prepared[] = [];
      for (const event of unique) {
        if (fresh.has(event.transactionId)) stored.set(event.transactionId, storedEvent(event, createdAt));
        else retried.push(event);
      }
      if (retried.length) {
        for (const previous of await findStoredEvents(tx, serviceId, retried.map((e) => e.transactionId))) {
          const event = retried.find((e) => e.transactionId === previous.transactionId)!;
          if (isSameEvent(previous, event)) stored.set(event.transactionId, previous);
          else addError(errors, event.index, "transaction_id", "value_already_exist");
        }
        // Throwing inside the transaction rolls back this batch's inserts: all or nothing.
        throwIfErrors(errors, mode);
      }
      return stored;
    });
  let stored: Map<string, UsageEvent>;
  try {
    stored = await store();
  } catch (error) {
    // Retention may have dropped a month this process thought existed.
    if (!isMissingPartition(error)) throw error;
    forgetEnsuredPartitions();
    stored = await store();
  }

  return prepared.map((event) => ({
    ...stored.get(event.transactionId)!,
    externalSubscriptionId: event.externalSubscriptionId,
    lagoCustomerId: event.lagoCustomerId,
  }));
}

const storedEvent = (event: Prepared, createdAt: Date): UsageEvent => ({
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
  | { kind: "subscription"; id: string; key: string; account_link_id: string; aggregation_type: null; field_name: null }
  | { kind: "metric"; id: null; key: string; account_link_id: null; aggregation_type: AggregationType; field_name: string | null };

/** The batch's subscriptions and metrics in one query: every round trip counts on the hot path. */
async function lookUpReferences(db: DbOrTx, serviceId: string, subscriptionIds: string[], codes: string[]) {
  const rows = await db.$queryRaw<Reference[]>`
    SELECT 'subscription' AS kind, s.id::text AS id, s.external_id AS key, s.account_link_id::text AS account_link_id,
           NULL AS aggregation_type, NULL AS field_name
    FROM subscriptions s
    WHERE s.service_id = ${serviceId}::uuid AND s.external_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(subscriptionIds)}::jsonb))
    UNION ALL
    SELECT 'metric', NULL, m.code, NULL, m.aggregation_type::text, m.field_name
    FROM billable_metrics m WHERE m.code IN (SELECT jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`;
  const subscriptionByExternalId = new Map<string, { id: string; externalId: string; accountLinkId: string }>();
  const metricByCode = new Map<string, { code: string; aggregationType: AggregationType; fieldName: string | null }>();
  for (const row of rows) {
    if (row.kind === "subscription") subscriptionByExternalId.set(row.key, { id: row.id, externalId: row.key, accountLinkId: row.account_link_id });
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

function throwIfErrors(errors: EventErrors, mode: "single" | "batch"): void {
  if (!errors.size) return;
  if (mode === "batch") {
    const details: ErrorDetails = {};
    for (const [index, fields] of [...errors].sort(([a], [b]) => a - b)) details[String(index)] = fields;
    throw validationFailed(details);
  }
  const fields = errors.get(0) ?? {};
  // A single event for an unknown subscription or metric is a 404, as in Lago's validator.
  if (fields.external_subscription_id?.includes("subscription_not_found")) throw notFound("subscription");
  if (fields.code?.includes("billable_metric_not_found")) throw notFound("billable_metric");
  throw new AppError("validation_errors", "invalid event", { details: fields });
}
