/** account.tax: the rate of the taxes on invoice lines (Lago's fee `taxes_rate`). */
import { z } from "zod";
import type { OdooClient } from "../client";

const taxRow = z
  .object({ id: z.number().int(), name: z.string(), amount: z.number(), amount_type: z.string() })
  .transform((r) => ({ id: r.id, name: r.name, amount: r.amount, amountType: r.amount_type }));

export type OdooTax = z.output<typeof taxRow>;

export async function readTaxes(client: OdooClient, ids: number[]): Promise<OdooTax[]> {
  if (!ids.length) return [];
  const rows = await client.call<unknown[]>("account.tax", "read", { ids: [...new Set(ids)], fields: ["id", "name", "amount", "amount_type"] });
  return rows.map((row) => taxRow.parse(row));
}
