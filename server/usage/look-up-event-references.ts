import type { AggregationType, BillingMode } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type RawStatement, rawQuery } from "~/server/db/raw-query";
import { rememberEventReferences } from "./event-references-cache";
import type { EventReferences } from "./prepare-events";

type Reference =
  | { kind: "subscription"; id: string; key: string; account_link_id: string; aggregation_type: null; field_name: null; subscription_at: Date; odoo_closed_at: Date | null }
  | { kind: "metric"; id: null; key: string; account_link_id: null; aggregation_type: AggregationType; field_name: string | null; subscription_at: null; odoo_closed_at: null }
  | { kind: "service"; id: null; key: BillingMode; account_link_id: null; aggregation_type: null; field_name: null; subscription_at: null; odoo_closed_at: null };

/** What the batch names, and who bills the service right now (null: no such service). */
export type EventReferencesAndMode = EventReferences & { billingMode: BillingMode | null };

const LOOK_UP_REFERENCES: RawStatement = {
  name: "look-up-event-references",
  text: `
  SELECT 'subscription' AS kind, s.id::text AS id, s.external_id AS key, s.account_link_id::text AS account_link_id,
         NULL AS aggregation_type, NULL AS field_name, s.subscription_at AS subscription_at, s.odoo_closed_at AS odoo_closed_at
  FROM subscriptions s
  WHERE s.service_id = $1::uuid AND s.external_id = ANY($2::text[])
  UNION ALL
  SELECT 'metric', NULL, m.code, NULL, m.aggregation_type::text, m.field_name, NULL, NULL
  FROM billable_metrics m WHERE m.code = ANY($3::text[])
    -- Another service's metric does not exist for this key (catalog ownership).
    AND (m.owner_service_id IS NULL OR m.owner_service_id = $1::uuid)
  UNION ALL
  SELECT 'service', NULL, v.billing_mode::text, NULL, NULL, NULL, NULL, NULL FROM services v WHERE v.id = $1::uuid`,
};

/**
 * The subscriptions and metrics a batch names, and the service's billing mode (whether its
 * events are forwarded to Lago), in one query: every round trip counts on the hot path.
 * The mode is read here, with the references, rather than in a query of its own, and
 * not trusted from a cache: a switch made by any app process applies to the next lookup,
 * or makes a write with cached references abort (event-references-cache.ts). Every
 * lookup refreshes that cache.
 */
export async function lookUpEventReferences(db: DbOrTx, serviceId: string, subscriptionIds: string[], codes: string[]): Promise<EventReferencesAndMode> {
  const rows = await rawQuery<Reference>(db, LOOK_UP_REFERENCES, [serviceId, subscriptionIds, codes]);
  type Subscription = EventReferences["subscriptionByExternalId"] extends ReadonlyMap<string, infer V> ? V : never;
  const subscriptionByExternalId = new Map<string, Subscription>();
  const metricByCode = new Map<string, { code: string; aggregationType: AggregationType; fieldName: string | null }>();
  let billingMode: BillingMode | null = null;
  for (const row of rows) {
    if (row.kind === "service") billingMode = row.key;
    else if (row.kind === "subscription") subscriptionByExternalId.set(row.key, { id: row.id, externalId: row.key, accountLinkId: row.account_link_id, subscriptionAt: row.subscription_at, odooClosedAt: row.odoo_closed_at });
    else metricByCode.set(row.key, { code: row.key, aggregationType: row.aggregation_type, fieldName: row.field_name });
  }
  const found = { subscriptionByExternalId, metricByCode, billingMode };
  rememberEventReferences(db, serviceId, found);
  return found;
}
