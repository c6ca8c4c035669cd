/** A customer's address and tax number on its res.partner, as Odoo's invoices and fiscal positions read them. */
import { z } from "zod";
import type { OdooClient } from "../client";
import { recordId } from "./fields";
import { searchFirst } from "./search-first";

/** Lago's customer fields the partner carries; null: the app has not given it. */
export interface CustomerAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  zipcode: string | null;
  /** ISO 3166 alpha-2, as Lago's `country`. */
  country: string | null;
  /** Lago's free `state`: a state's code ("ON") or name ("Ontario"). */
  state: string | null;
  phone: string | null;
  taxIdentificationNumber: string | null;
}

const idRow = z.object({ id: recordId });
const findId = async (client: OdooClient, model: string, domain: unknown[]) => (await searchFirst(client, model, idRow, { domain, fields: ["id"] }))?.id ?? null;

/**
 * The partner values for an address: only what the app has given (the hub never clears
 * what Odoo holds), the country and state resolved to Odoo's records. A country or state
 * Odoo does not know is left out and named in `unmatched`, so the push goes on and ops
 * hear of it: the state decides the customer's sales taxes (HST by province).
 */
export async function partnerAddressValues(client: OdooClient, address: CustomerAddress): Promise<{ vals: Record<string, unknown>; unmatched: string[] }> {
  const vals: Record<string, unknown> = {};
  const unmatched: string[] = [];
  const texts = { street: address.addressLine1, street2: address.addressLine2, city: address.city, zip: address.zipcode, phone: address.phone, vat: address.taxIdentificationNumber };
  for (const [field, value] of Object.entries(texts)) if (value) vals[field] = value;
  if (!address.country) return { vals, unmatched };
  const countryId = await findId(client, "res.country", [["code", "=", address.country.toUpperCase()]]);
  if (countryId === null) return { vals, unmatched: [`country ${address.country}`] };
  vals.country_id = countryId;
  if (address.state) {
    const state = address.state.trim();
    const stateId = await findId(client, "res.country.state", [["country_id", "=", countryId], "|", ["code", "=ilike", state], ["name", "=ilike", state]]);
    if (stateId === null) unmatched.push(`state ${address.state} of ${address.country.toUpperCase()}`);
    else vals.state_id = stateId;
  }
  return { vals, unmatched };
}

/** Writes address values (and the payment term, syncPartner) onto a partner (nothing to write, no call). */
export async function writePartnerAddress(client: OdooClient, partnerId: number, vals: Record<string, unknown>): Promise<void> {
  if (Object.keys(vals).length) await client.call<boolean>("res.partner", "write", { ids: [partnerId], vals });
}
