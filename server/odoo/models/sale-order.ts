/**
 * Subscriptions: in Odoo 19 a subscription is a sale.order with `plan_id`
 * (no sale.subscription model), states in `subscription_state`.
 */
import { z } from "zod";
import type { OdooClient } from "../client";
import { ids, m2oId, m2oName, optDate } from "./fields";

const MODEL = "sale.order";
const FIELDS = [
  "id", "name", "partner_id", "plan_id", "is_subscription", "subscription_state", "state",
  "start_date", "next_invoice_date", "end_date", "currency_id", "order_line",
];

export const SUBSCRIPTION_STATES = ["1_draft", "2_renewal", "3_progress", "4_paused", "5_renewed", "6_churn", "7_upsell"] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

const subscriptionRow = z
  .object({
    id: z.number().int(),
    name: z.string(),
    partner_id: m2oId,
    plan_id: m2oId,
    is_subscription: z.boolean(),
    subscription_state: z.union([z.enum(SUBSCRIPTION_STATES), z.literal(false)]).transform((v) => v || null),
    state: z.string(),
    start_date: optDate,
    next_invoice_date: optDate,
    end_date: optDate,
    currency_id: m2oName,
    order_line: ids,
  })
  .transform((r) => ({
    id: r.id,
    name: r.name,
    partnerId: r.partner_id,
    planId: r.plan_id,
    isSubscription: r.is_subscription,
    subscriptionState: r.subscription_state,
    state: r.state,
    startDate: r.start_date,
    nextInvoiceDate: r.next_invoice_date,
    endDate: r.end_date,
    currency: r.currency_id,
    lineIds: r.order_line,
  }));

export type OdooSubscription = z.output<typeof subscriptionRow>;

export async function readSubscription(client: OdooClient, id: number): Promise<OdooSubscription> {
  const [row] = await client.call<unknown[]>(MODEL, "read", { ids: [id], fields: FIELDS });
  return subscriptionRow.parse(row);
}

export interface SubscriptionFilter {
  partnerId?: number;
  states?: SubscriptionState[];
  /** Only subscriptions whose next_invoice_date is on or before this date. */
  dueBy?: string;
  limit?: number;
}

export async function listSubscriptions(client: OdooClient, filter: SubscriptionFilter = {}): Promise<OdooSubscription[]> {
  const domain: unknown[] = [["is_subscription", "=", true]];
  if (filter.partnerId !== undefined) domain.push(["partner_id", "=", filter.partnerId]);
  if (filter.states?.length) domain.push(["subscription_state", "in", filter.states]);
  if (filter.dueBy) domain.push(["next_invoice_date", "<=", filter.dueBy]);
  const rows = await client.call<unknown[]>(MODEL, "search_read", { domain, fields: FIELDS, order: "id", limit: filter.limit });
  return rows.map((r) => subscriptionRow.parse(r));
}
