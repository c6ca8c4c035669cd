import { randomUUID } from "node:crypto";
import type { AggregationType, UsageEvent } from "~/generated/prisma/client";
import { canonicalJson } from "./canonical-json";
import { isValidProperties, numericPropertyValue, parseEventTimestamp } from "./event-values";
import type { EventRow } from "./insert-events";

/**
 * Pure preparation of incoming usage events: every check an event must pass before it is
 * stored, and the values its rollup needs. No I/O: the subscriptions and metrics the batch
 * names are looked up by the caller and passed in.
 */

/** One event as the wire delivered it, after zod has checked the basic types. */
export interface RawEvent {
  transactionId: string;
  externalSubscriptionId: string;
  code: string;
  timestamp?: unknown;
  properties?: unknown;
}

/** The batch's subscriptions (by external id, for the service) and metrics (by code). */
export interface EventReferences {
  subscriptionByExternalId: ReadonlyMap<string, { id: string; externalId: string; accountLinkId: string; subscriptionAt: Date; odooClosedAt: Date | null }>;
  metricByCode: ReadonlyMap<string, { code: string; aggregationType: AggregationType; fieldName: string | null }>;
}

export type PreparedEvent = EventRow & { index: number; timestampGiven: boolean; externalSubscriptionId: string; lagoCustomerId: string };

/** Lago error codes by field, per event index (Events::ValidateCreationService's codes). */
export type EventErrors = Map<number, Record<string, string[]>>;

const NUMERIC_AGGREGATIONS: ReadonlySet<AggregationType> = new Set(["sum_agg", "max_agg", "latest_agg"]);

const DAY_MS = 86_400_000;

/**
 * The instants an event of this subscription may carry: from a day before the subscription
 * starts (clock skew of the app) to a day after it arrived, and never more than `maxAgeDays`
 * back. Each month an accepted timestamp touches may get a usage_events partition, so this
 * is also what caps partition creation: ingestion can only ever create the partitions of
 * the months in [now − maxAgeDays, now + 1 day] (timestamps from 1970 to 9999 made one each).
 */
export function eventTimestampWindow(input: { subscriptionAt: Date; receivedAt: Date; maxAgeDays: number }): { from: Date; to: Date } {
  const window = timestampWindowMs(input);
  return { from: new Date(window.from), to: new Date(window.to) };
}

// In milliseconds: preparation checks every event against it, and Next wraps the Date constructor.
function timestampWindowMs(input: { subscriptionAt: Date; receivedAt: Date; maxAgeDays: number }): { from: number; to: number } {
  return {
    from: Math.max(input.subscriptionAt.getTime() - DAY_MS, input.receivedAt.getTime() - input.maxAgeDays * DAY_MS),
    to: input.receivedAt.getTime() + DAY_MS,
  };
}

export function addEventError(errors: EventErrors, index: number, field: string, code: string): void {
  const fields = errors.get(index) ?? {};
  (fields[field] ??= []).push(code);
  errors.set(index, fields);
}

/** Same event, retried: a retry that omits the timestamp got "now" again, so ignore it then. */
export function isSameEvent(
  stored: Pick<UsageEvent, "subscriptionId" | "code" | "timestamp" | "properties">,
  incoming: Pick<PreparedEvent, "subscriptionId" | "code" | "timestamp" | "properties" | "timestampGiven">,
): boolean {
  return (
    stored.subscriptionId === incoming.subscriptionId &&
    stored.code === incoming.code &&
    (!incoming.timestampGiven || stored.timestamp.getTime() === incoming.timestamp.getTime()) &&
    canonicalJson(stored.properties) === canonicalJson(incoming.properties)
  );
}

function prepareEvent(event: RawEvent, index: number, context: { serviceId: string; references: EventReferences; receivedAt: Date; maxAgeDays: number; newId: () => string; errors: EventErrors }): PreparedEvent | null {
  const { references, errors } = context;
  const subscription = references.subscriptionByExternalId.get(event.externalSubscriptionId);
  const metric = references.metricByCode.get(event.code);
  if (!subscription) addEventError(errors, index, "external_subscription_id", "subscription_not_found");
  if (!metric) addEventError(errors, index, "code", "billable_metric_not_found");
  const timestampGiven = event.timestamp !== undefined && event.timestamp !== null;
  const timestamp = timestampGiven ? parseEventTimestamp(event.timestamp) : context.receivedAt;
  if (!timestamp) addEventError(errors, index, "timestamp", "invalid_format");
  else if (subscription) {
    const window = timestampWindowMs({ subscriptionAt: subscription.subscriptionAt, receivedAt: context.receivedAt, maxAgeDays: context.maxAgeDays });
    const at = timestamp.getTime();
    if (at < window.from || at > window.to) addEventError(errors, index, "timestamp", "value_is_out_of_range");
    // Odoo closed the subscription (an unpaid invoice): usage from then on could never be
    // billed, so it is refused, not stored unbilled; earlier usage is still accepted.
    else if (subscription.odooClosedAt && timestamp >= subscription.odooClosedAt) addEventError(errors, index, "external_subscription_id", "subscription_closed_by_odoo");
  }
  const properties = event.properties ?? {};
  let numericValue: string | null = null;
  let distinctValue: string | null = null;
  if (!isValidProperties(properties)) addEventError(errors, index, "properties", "invalid_format");
  else if (metric?.fieldName) {
    const value = (properties as Record<string, unknown>)[metric.fieldName];
    if (NUMERIC_AGGREGATIONS.has(metric.aggregationType)) {
      numericValue = numericPropertyValue(value);
      if (numericValue === null) addEventError(errors, index, "properties", "value_is_not_valid_number");
    } else if (metric.aggregationType === "unique_count_agg" && value !== undefined && value !== null) {
      // Text as PostgreSQL's ->> renders it, so rollups and raw-event reads agree.
      distinctValue = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  if (!subscription || !timestamp || errors.has(index)) return null;
  return {
    index,
    id: context.newId(),
    serviceId: context.serviceId,
    transactionId: event.transactionId,
    subscriptionId: subscription.id,
    code: event.code,
    timestamp,
    timestampGiven,
    properties,
    numericValue,
    distinctValue,
    externalSubscriptionId: subscription.externalId,
    lagoCustomerId: subscription.accountLinkId,
  };
}

/**
 * Validates and normalizes a batch: `events` are the valid ones in wire order, `unique`
 * the first of each transaction id (a repeat within the batch is a retry only if its
 * content agrees, else `value_already_exist`), `errors` every refusal by index. Stricter
 * than Lago, which accepts anything and drops it later: an unknown subscription or
 * metric, or a non-numeric value for a numeric metric, is refused, so no usage vanishes.
 */
export function prepareEvents(input: {
  serviceId: string;
  events: readonly RawEvent[];
  references: EventReferences;
  receivedAt: Date;
  /** USAGE_EVENTS_MAX_AGE_DAYS: how far back a timestamp may go (eventTimestampWindow). */
  maxAgeDays: number;
  newId?: () => string;
}): { events: PreparedEvent[]; unique: PreparedEvent[]; errors: EventErrors } {
  const errors: EventErrors = new Map();
  const context = { serviceId: input.serviceId, references: input.references, receivedAt: input.receivedAt, maxAgeDays: input.maxAgeDays, newId: input.newId ?? randomUUID, errors };
  const events = input.events.map((event, index) => prepareEvent(event, index, context)).filter((event) => event !== null);
  const firstByTransaction = new Map<string, PreparedEvent>();
  for (const event of events) {
    const first = firstByTransaction.get(event.transactionId);
    if (!first) firstByTransaction.set(event.transactionId, event);
    else if (!isSameEvent({ ...first, properties: first.properties as UsageEvent["properties"] }, event)) {
      addEventError(errors, event.index, "transaction_id", "value_already_exist");
    }
  }
  return { events, unique: [...firstByTransaction.values()], errors };
}
