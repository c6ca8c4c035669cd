import type { BillingMode } from "~/generated/prisma/client";
import type { Db, DbOrTx } from "~/server/db/client";
import type { EventReferencesAndMode } from "./look-up-event-references";
import type { EventReferences } from "./prepare-events";

/*
 * The subscriptions, metrics and billing mode ingestion last looked up, per database and
 * service, so that a request naming only known ones skips the lookup: the write itself
 * checks them (insertEvents' `check`, PostgreSQL's usage_references_current) against its
 * own snapshot and aborts if anything an event's preparation read has changed, and the
 * request is then prepared again from a lookup (writeWithCachedReferences). So a cached reference
 * never decides what is stored; at worst it costs the repeat. On globalThis, as Next may
 * load this module once per route.
 */
type Subscription = EventReferences["subscriptionByExternalId"] extends ReadonlyMap<string, infer V> ? V : never;
type Metric = EventReferences["metricByCode"] extends ReadonlyMap<string, infer V> ? V : never;

interface ServiceReferences {
  billingMode: BillingMode;
  subscriptions: Map<string, Subscription>;
  metrics: Map<string, Metric>;
}

/** Subscriptions kept per service: past it the oldest go (a lookup brings one back). */
const MAX_SUBSCRIPTIONS = 20_000;

type Cache = WeakMap<object, Map<string, ServiceReferences>>;
const caches = ((globalThis as { nexaEventReferences?: Cache }).nexaEventReferences ??= new WeakMap());

/** What the write checks: the references used, in the shape usage_references_current reads. */
export interface ReferenceCheck {
  billing_mode: BillingMode;
  subscriptions: Array<{ id: string; external_id: string; account_link_id: string; subscription_at: string; odoo_closed_at: string | null }>;
  metrics: Array<{ code: string; aggregation_type: string; field_name: string | null }>;
}

const servicesOf = (db: DbOrTx) => caches.get(db) ?? caches.set(db, new Map()).get(db)!;

/** Keeps what a lookup found (a metric or subscription it did not find is simply not kept). */
export function rememberEventReferences(db: DbOrTx, serviceId: string, found: EventReferencesAndMode): void {
  if (!found.billingMode) return;
  const services = servicesOf(db);
  const entry = services.get(serviceId) ?? { billingMode: found.billingMode, subscriptions: new Map(), metrics: new Map() };
  entry.billingMode = found.billingMode;
  for (const [externalId, subscription] of found.subscriptionByExternalId) {
    entry.subscriptions.delete(externalId);
    entry.subscriptions.set(externalId, subscription);
  }
  for (const [code, metric] of found.metricByCode) entry.metrics.set(code, metric);
  for (const oldest of entry.subscriptions.keys()) {
    if (entry.subscriptions.size <= MAX_SUBSCRIPTIONS) break;
    entry.subscriptions.delete(oldest);
  }
  services.set(serviceId, entry);
}

/** The references of every name given, with the check the write must pass; null when any is not cached. */
export function recallEventReferences(db: Db, serviceId: string, subscriptionIds: readonly string[], codes: readonly string[]): { references: EventReferencesAndMode; check: ReferenceCheck } | null {
  const entry = servicesOf(db).get(serviceId);
  if (!entry) return null;
  const subscriptionByExternalId = new Map<string, Subscription>();
  const metricByCode = new Map<string, Metric>();
  for (const externalId of subscriptionIds) {
    const subscription = entry.subscriptions.get(externalId);
    if (!subscription) return null;
    subscriptionByExternalId.set(externalId, subscription);
  }
  for (const code of codes) {
    const metric = entry.metrics.get(code);
    if (!metric) return null;
    metricByCode.set(code, metric);
  }
  return {
    references: { subscriptionByExternalId, metricByCode, billingMode: entry.billingMode },
    check: {
      billing_mode: entry.billingMode,
      subscriptions: [...subscriptionByExternalId.values()].map((s) => ({ id: s.id, external_id: s.externalId, account_link_id: s.accountLinkId, subscription_at: s.subscriptionAt.toISOString(), odoo_closed_at: s.odooClosedAt?.toISOString() ?? null })),
      metrics: [...metricByCode.values()].map((m) => ({ code: m.code, aggregation_type: m.aggregationType, field_name: m.fieldName })),
    },
  };
}

const isStaleReferences = (error: unknown) => /usage references changed since they were cached/.test(String((error as Error)?.message ?? error));

/**
 * A write prepared from the cached references of these names, for a live service whose
 * names are all cached: `write` gets them and the check its insert must carry, and
 * answers null to decline (a refusal is only ever decided on looked-up references). Null
 * when nothing is cached, when `write` declined, or when its insert found the references
 * stale (dropped then): the caller prepares again from a lookup. Any other error is the
 * write's own.
 */
export async function writeWithCachedReferences<T>(
  db: Db,
  serviceId: string,
  names: { subscriptionIds: readonly string[]; codes: readonly string[] },
  write: (references: EventReferencesAndMode, check: ReferenceCheck) => Promise<T | null>,
): Promise<T | null> {
  const cached = recallEventReferences(db, serviceId, names.subscriptionIds, names.codes);
  if (cached?.references.billingMode !== "live") return null;
  try {
    return await write(cached.references, cached.check);
  } catch (error) {
    if (!isStaleReferences(error)) throw error;
    servicesOf(db).delete(serviceId);
    return null;
  }
}
