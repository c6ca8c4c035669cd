/**
 * Subscriptions: in Odoo 19 a subscription is a sale.order with `plan_id`
 * (no sale.subscription model), states in `subscription_state`.
 */
import { z } from "zod";
import type { OdooClient } from "../client";
import { createOnce } from "./create-once";
import { ids, m2oId, m2oName, optDate } from "./fields";
import { readRecord } from "./read-record";

const MODEL = "sale.order";
const FIELDS = [
  "id", "name", "partner_id", "plan_id", "is_subscription", "subscription_state", "state",
  "start_date", "next_invoice_date", "end_date", "currency_id", "order_line",
  "require_payment", "prepayment_percent", "payment_token_id", "close_reason_id",
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
    require_payment: z.boolean(),
    prepayment_percent: z.number(),
    payment_token_id: m2oId,
    close_reason_id: m2oName,
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
    requirePayment: r.require_payment,
    prepaymentPercent: r.prepayment_percent,
    paymentTokenId: r.payment_token_id,
    closeReason: r.close_reason_id,
  }));

export type OdooSubscription = z.output<typeof subscriptionRow>;

export async function readSubscription(client: OdooClient, id: number): Promise<OdooSubscription> {
  return subscriptionRow.parse(await readRecord(client, MODEL, id, FIELDS));
}

export interface SubscriptionFilter {
  /** Only these orders (ids Odoo no longer has are simply absent). */
  ids?: number[];
  partnerId?: number;
  states?: SubscriptionState[];
  /** Only subscriptions whose next_invoice_date is on or before this date. */
  dueBy?: string;
  limit?: number;
}

/**
 * Why Odoo's recurring invoicing would skip the order, or null: `_get_subscriptions_to_invoice`
 * leaves out an order that requires online payment and has no payment token (once it has
 * been invoiced, or when the whole amount is due up front), and the payment-reminder cron
 * then closes it. The hub creates its orders without the requirement; this catches one
 * that got it anyway (a quotation template, an edit in Odoo).
 */
export function paymentGateWarning(order: OdooSubscription): string | null {
  if (!order.requirePayment || order.paymentTokenId !== null) return null;
  return `Odoo order ${order.name} requires online payment and has no payment token: Odoo's recurring invoicing skips it and closes it after the reminder period; untick "Online payment" on the order or attach a token`;
}

/** Ids per batched read: a domain of this many ids stays a small request. */
const READ_BATCH = 500;

/** Orders by id in one search_read per `READ_BATCH` ids; ids Odoo no longer has are absent. */
export async function readSubscriptions(client: OdooClient, orderIds: number[]): Promise<OdooSubscription[]> {
  const out: OdooSubscription[] = [];
  for (let i = 0; i < orderIds.length; i += READ_BATCH) out.push(...(await listSubscriptions(client, { ids: orderIds.slice(i, i + READ_BATCH) })));
  return out;
}

export async function listSubscriptions(client: OdooClient, filter: SubscriptionFilter = {}): Promise<OdooSubscription[]> {
  const domain: unknown[] = [["is_subscription", "=", true]];
  if (filter.ids) domain.push(["id", "in", filter.ids]);
  if (filter.partnerId !== undefined) domain.push(["partner_id", "=", filter.partnerId]);
  if (filter.states?.length) domain.push(["subscription_state", "in", filter.states]);
  if (filter.dueBy) domain.push(["next_invoice_date", "<=", filter.dueBy]);
  const rows = await client.call<unknown[]>(MODEL, "search_read", { domain, fields: FIELDS, order: "id", limit: filter.limit });
  return rows.map((r) => subscriptionRow.parse(r));
}

export async function findSubscriptionByRef(client: OdooClient, ref: string): Promise<number | null> {
  const found = await client.call<number[]>(MODEL, "search", { domain: [["client_order_ref", "=", ref]], limit: 1 });
  return found[0] ?? null;
}

export interface SubscriptionOrderInput {
  /** The hub's key for the order (client_order_ref), so a lost create is found, not repeated. */
  ref: string;
  partnerId: number;
  planId: number;
  /** Sets the order's currency (Odoo takes it from the pricelist). */
  pricelistId: number;
  startDate: string;
  nextInvoiceDate: string;
  /** `deliveredQuantity` sets qty_delivered, what Odoo bills for a delivery-policy (postpaid) line. */
  lines: Array<{ productId: number; name: string; quantity: number; priceUnit: number; deliveredQuantity?: number }>;
}

/** Creates and confirms a subscription order; finding an existing one by ref makes it safe to repeat. */
export async function ensureSubscriptionOrder(client: OdooClient, input: SubscriptionOrderInput): Promise<OdooSubscription> {
  let id = await findSubscriptionByRef(client, input.ref);
  if (id === null) {
    const vals = {
      client_order_ref: input.ref,
      // sale_subscription derives require_payment from the company's prepayment (100 % by
      // default): without a saved card Odoo's recurring run would skip the order, then close
      // it. The hub's customers pay by invoice; paymentGateWarning catches an order that
      // gets the requirement anyway.
      require_payment: false,
      partner_id: input.partnerId,
      pricelist_id: input.pricelistId,
      plan_id: input.planId,
      start_date: input.startDate,
      next_invoice_date: input.nextInvoiceDate,
      order_line: input.lines.map((line) => [0, 0, {
        product_id: line.productId, name: line.name, product_uom_qty: line.quantity, price_unit: line.priceUnit,
        ...(line.deliveredQuantity === undefined ? {} : { qty_delivered: line.deliveredQuantity }),
      }]),
    };
    id = await createOnce(client, MODEL, vals, () => findSubscriptionByRef(client, input.ref));
  }
  const order = await readSubscription(client, id);
  if (order.state === "draft" || order.state === "sent") {
    await client.call<boolean>(MODEL, "action_confirm", { ids: [id] });
    return readSubscription(client, id);
  }
  return order;
}

/** Ends a subscription on a date: Odoo invoices up to it and then closes the order. */
export async function setSubscriptionEndDate(client: OdooClient, input: { orderId: number; endDate: string }): Promise<void> {
  await client.call<boolean>(MODEL, "write", { ids: [input.orderId], vals: { end_date: input.endDate } });
}

/**
 * The customer-portal page of an order (sale_order.py action_preview_sale_order, public and
 * read-only): opened with the order's access token, it shows the subscription, its invoices
 * and, on Enterprise, the payment method, with no portal account needed.
 */
export async function orderPortalPath(client: OdooClient, id: number): Promise<string> {
  const action = z.object({ url: z.string().startsWith("/") }).parse(await client.call(MODEL, "action_preview_sale_order", { ids: [id] }));
  return action.url;
}

/**
 * Takes an order back from Odoo before it invoiced anything (a migration rollback): it ends
 * on `endDate`, so Odoo closes it before its next invoicing, and gives up the hub's ref,
 * so a later cutover creates a fresh order instead of finding this closed one.
 */
export async function retireSubscriptionOrder(client: OdooClient, input: { orderId: number; endDate: string; retiredRef: string }): Promise<void> {
  await client.call<boolean>(MODEL, "write", { ids: [input.orderId], vals: { end_date: input.endDate, client_order_ref: input.retiredRef } });
}
