/** product.product: the hub maps its billable metrics / charges to products by default_code. */
import { z } from "zod";
import type { OdooClient } from "../client";
import { createOnce } from "./create-once";
import { optString } from "./fields";
import { searchFirst } from "./search-first";

const MODEL = "product.product";
const FIELDS = ["id", "name", "default_code", "list_price", "invoice_policy", "type", "recurring_invoice", "active"];

const productRow = z
  .object({
    id: z.number().int(),
    name: z.string(),
    default_code: optString,
    list_price: z.number(),
    invoice_policy: z.enum(["order", "delivery"]),
    type: z.string(),
    recurring_invoice: z.boolean(),
    active: z.boolean(),
  })
  .transform((r) => ({
    id: r.id,
    name: r.name,
    defaultCode: r.default_code,
    listPrice: r.list_price,
    invoicePolicy: r.invoice_policy,
    type: r.type,
    recurringInvoice: r.recurring_invoice,
    active: r.active,
  }));

export type OdooProduct = z.output<typeof productRow>;

export async function findProductByCode(client: OdooClient, defaultCode: string): Promise<OdooProduct | null> {
  return searchFirst(client, MODEL, productRow, { domain: [["default_code", "=", defaultCode]], fields: FIELDS, order: "id" });
}

export async function readProducts(client: OdooClient, ids: number[]): Promise<OdooProduct[]> {
  if (!ids.length) return [];
  const rows = await client.call<unknown[]>(MODEL, "read", { ids, fields: FIELDS });
  return rows.map((r) => productRow.parse(r));
}

export interface ProductInput {
  defaultCode: string;
  name: string;
  listPrice: number;
  /** 'delivery' for usage lines (invoiced from qty_delivered), 'order' for the recurring fee. */
  invoicePolicy: "order" | "delivery";
}

/** Products are keyed on default_code: the hub owns the codes it creates (`nexa-…`). */
export async function findOrCreateProduct(client: OdooClient, input: ProductInput): Promise<OdooProduct> {
  const existing = await findProductByCode(client, input.defaultCode);
  if (existing) return existing;
  const vals = {
    default_code: input.defaultCode,
    name: input.name,
    list_price: input.listPrice,
    invoice_policy: input.invoicePolicy,
    type: "service",
    recurring_invoice: true,
  };
  const id = await createOnce(client, MODEL, vals, async () => (await findProductByCode(client, input.defaultCode))?.id ?? null);
  const [created] = await readProducts(client, [id]);
  return created!;
}
