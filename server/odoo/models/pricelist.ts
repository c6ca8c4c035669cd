/**
 * Currency of an order: Odoo takes it from the order's pricelist (sale_order.py
 * _compute_currency_id), and an order without one is in the company's currency. So a
 * plan in CAD needs a pricelist in CAD on its orders. A fresh database ships every ISO
 * currency inactive but the company's, and Odoo refuses to post an invoice in an
 * inactive currency; activating one is an accounting decision (and beyond the hub's bot
 * user, which may only read res.currency), so the hub refuses rather than switch.
 */
import { z } from "zod";
import type { OdooClient } from "../client";
import { OdooError } from "../errors";
import { createOnce } from "./create-once";
import { m2oId } from "./fields";
import { searchFirst } from "./search-first";

const currencyRow = z.object({ id: z.number().int(), name: z.string(), active: z.boolean() });
const pricelistRow = z
  .object({ id: z.number().int(), name: z.string(), currency_id: m2oId, active: z.boolean() })
  .transform((r) => ({ id: r.id, name: r.name, currencyId: r.currency_id, active: r.active }));

export type OdooCurrency = z.output<typeof currencyRow>;
export type OdooPricelist = z.output<typeof pricelistRow>;

/** What Odoo must be given before the hub can bill in a currency. */
export const setupError = (message: string) => new OdooError({ kind: "setup", retryable: false, message, odooName: null, status: null, body: "" });

/** The currency with this ISO code, archived (inactive) ones included. */
export async function findCurrency(client: OdooClient, code: string): Promise<OdooCurrency | null> {
  return searchFirst(client, "res.currency", currencyRow, { domain: [["name", "=", code]], fields: ["id", "name", "active"], context: { active_test: false } });
}

/** An active currency, or the setup error that says what Odoo lacks. */
export async function requireActiveCurrency(client: OdooClient, code: string): Promise<OdooCurrency> {
  const currency = await findCurrency(client, code);
  if (!currency) throw setupError(`Odoo has no currency ${code}: it cannot invoice a plan priced in ${code}`);
  if (!currency.active) {
    throw setupError(
      `Currency ${code} is not active in Odoo, which refuses to post invoices in it: an Odoo administrator must activate it ` +
        "(Accounting > Configuration > Currencies); the hub never switches a plan to the company currency",
    );
  }
  return currency;
}

const pricelistName = (code: string) => `Nexa Billing Hub ${code}`;

export async function findPricelist(client: OdooClient, currencyId: number): Promise<OdooPricelist | null> {
  return searchFirst(client, "product.pricelist", pricelistRow, {
    domain: [["currency_id", "=", currencyId]], fields: ["id", "name", "currency_id", "active"], order: "sequence, id",
  });
}

/**
 * The pricelist an order in this currency gets: the first active one in that currency
 * (its rules do not matter, the hub sets every line's price), else one the hub creates.
 */
export async function ensurePricelist(client: OdooClient, code: string): Promise<OdooPricelist> {
  const currency = await requireActiveCurrency(client, code);
  const existing = await findPricelist(client, currency.id);
  if (existing) return existing;
  const id = await createOnce(client, "product.pricelist", { name: pricelistName(code), currency_id: currency.id }, async () => (await findPricelist(client, currency.id))?.id ?? null);
  return { id, name: pricelistName(code), currencyId: currency.id, active: true };
}
