/**
 * sale.order.line: usage goes into `qty_delivered` of lines whose product has
 * invoice_policy 'delivery'. Odoo's recurring invoice takes the line's WHOLE
 * qty_delivered each period and does not reset it, so the hub writes absolute
 * per-period quantities (never increments) — which also makes the write idempotent.
 */
import { z } from "zod";
import type { OdooClient } from "../client";
import { createOnce } from "./create-once";
import { m2oId } from "./fields";

const MODEL = "sale.order.line";
const FIELDS = [
  "id", "order_id", "product_id", "name", "product_uom_qty", "qty_delivered", "qty_invoiced", "qty_to_invoice", "price_unit",
];

const lineRow = z
  .object({
    id: z.number().int(),
    order_id: m2oId,
    product_id: m2oId,
    name: z.union([z.string(), z.literal(false)]).transform((v) => v || ""),
    product_uom_qty: z.number(),
    qty_delivered: z.number(),
    qty_invoiced: z.number(),
    qty_to_invoice: z.number(),
    price_unit: z.number(),
  })
  .transform((r) => ({
    id: r.id,
    orderId: r.order_id,
    productId: r.product_id,
    name: r.name,
    productUomQty: r.product_uom_qty,
    qtyDelivered: r.qty_delivered,
    qtyInvoiced: r.qty_invoiced,
    qtyToInvoice: r.qty_to_invoice,
    priceUnit: r.price_unit,
  }));

export type OdooOrderLine = z.output<typeof lineRow>;

export async function readOrderLines(client: OdooClient, lineIds: number[]): Promise<OdooOrderLine[]> {
  if (!lineIds.length) return [];
  const rows = await client.call<unknown[]>(MODEL, "read", { ids: lineIds, fields: FIELDS });
  return rows.map((r) => lineRow.parse(r));
}

/** Every line of these orders, one search_read per batch of orders. */
export async function listOrderLines(client: OdooClient, orderIds: number[]): Promise<OdooOrderLine[]> {
  const out: OdooOrderLine[] = [];
  for (let i = 0; i < orderIds.length; i += ORDER_BATCH) {
    const rows = await client.call<unknown[]>(MODEL, "search_read", { domain: [["order_id", "in", orderIds.slice(i, i + ORDER_BATCH)]], fields: FIELDS, order: "id" });
    out.push(...rows.map((r) => lineRow.parse(r)));
  }
  return out;
}

// Orders per batched line read: a few lines each, so a reply of a few thousand rows.
const ORDER_BATCH = 500;

/** Quantities closer than this are equal (Odoo rounds Units to 0.01; we stay finer). */
const EPSILON = 1e-9;

export interface OrderLineInput {
  orderId: number;
  productId: number;
  /**
   * With the order and product, the line's natural key, e.g. "API calls usage [api_calls]" or a plan's name.
   * Found as a prefix: the push adds the period's units on later lines of the text.
   */
  name: string;
  quantity: number;
  /** Per-unit price computed by the hub (e.g. tiered charges); omitted = product price. */
  priceUnit?: number;
}

async function findOrderLine(client: OdooClient, input: OrderLineInput): Promise<number | null> {
  const found = await client.call<number[]>(MODEL, "search", {
    // `=like` is SQL LIKE unwrapped; a `_` in the name matching any character is harmless
    // because the product is per charge already.
    domain: [["order_id", "=", input.orderId], ["product_id", "=", input.productId], ["name", "=like", `${input.name}%`]],
    limit: 1,
  });
  return found[0] ?? null;
}

/** Finds the line by (order, product, name) or creates it (a usage, late-usage or plan fee line); never duplicates on retry. */
export async function ensureOrderLine(client: OdooClient, input: OrderLineInput): Promise<{ id: number; created: boolean }> {
  const existing = await findOrderLine(client, input);
  if (existing !== null) return { id: existing, created: false };
  const vals: Record<string, unknown> = {
    order_id: input.orderId,
    product_id: input.productId,
    name: input.name,
    product_uom_qty: 0,
    qty_delivered: input.quantity,
  };
  if (input.priceUnit !== undefined) vals.price_unit = input.priceUnit;
  const id = await createOnce(client, MODEL, vals, () => findOrderLine(client, input));
  return { id, created: true };
}

/**
 * Writes a usage line's period values (absolute, never increments) and, when given, its
 * text; skips the write when Odoo already holds them, so repeated pushes are no-ops.
 */
export async function writeUsageLine(
  client: OdooClient,
  input: { lineId: number; quantity: number; priceUnit: number; name?: string; /** The line as just read, saving the read. */ current?: OdooOrderLine },
): Promise<{ changed: boolean }> {
  const line = input.current ?? (await readOrderLines(client, [input.lineId]))[0];
  const sameName = input.name === undefined || line?.name === input.name;
  if (line && sameName && Math.abs(line.qtyDelivered - input.quantity) < EPSILON && Math.abs(line.priceUnit - input.priceUnit) < EPSILON) {
    return { changed: false };
  }
  const vals = { qty_delivered: input.quantity, price_unit: input.priceUnit, ...(input.name === undefined ? {} : { name: input.name }) };
  await client.call<boolean>(MODEL, "write", { ids: [input.lineId], vals });
  return { changed: true };
}

/** Writes the same values onto these lines, in one call. */
export async function writeOrderLines(client: OdooClient, lineIds: number[], vals: Record<string, number | string>): Promise<void> {
  if (lineIds.length) await client.call<boolean>(MODEL, "write", { ids: lineIds, vals });
}
