/** res.partner: customers are matched on `ref` (the hub's external customer id). */
import { z } from "zod";
import type { OdooClient } from "../client";
import { createOnce } from "./create-once";
import { optString } from "./fields";
import { readRecord } from "./read-record";
import { searchFirst } from "./search-first";

const MODEL = "res.partner";
const FIELDS = ["id", "name", "email", "ref", "is_company", "active"];

const partnerRow = z
  .object({ id: z.number().int(), name: z.string(), email: optString, ref: optString, is_company: z.boolean(), active: z.boolean() })
  .transform((r) => ({ id: r.id, name: r.name, email: r.email, ref: r.ref, isCompany: r.is_company, active: r.active }));

export type OdooPartner = z.output<typeof partnerRow>;

export async function readPartner(client: OdooClient, id: number): Promise<OdooPartner> {
  return partnerRow.parse(await readRecord(client, MODEL, id, FIELDS));
}

/** The partner with this id, archived ones included, or null when Odoo has none. */
export async function findPartnerById(client: OdooClient, id: number): Promise<OdooPartner | null> {
  return searchFirst(client, MODEL, partnerRow, { domain: [["id", "=", id]], fields: FIELDS, context: { active_test: false } });
}

/** Includes archived partners (active_test=False) so an archived customer is not duplicated. */
export async function findPartnerByRef(client: OdooClient, ref: string): Promise<OdooPartner | null> {
  return searchFirst(client, MODEL, partnerRow, { domain: [["ref", "=", ref]], fields: FIELDS, order: "id", context: { active_test: false } });
}

export interface PartnerInput {
  ref: string;
  name: string;
  email?: string | null;
  isCompany?: boolean;
}

/**
 * Odoo has no unique constraint on `ref`: callers must not run two of these for the same
 * ref concurrently (the hub serialises work per customer).
 */
export async function findOrCreatePartner(client: OdooClient, input: PartnerInput): Promise<{ partner: OdooPartner; created: boolean }> {
  const existing = await findPartnerByRef(client, input.ref);
  if (existing) return { partner: existing, created: false };
  const vals = { ref: input.ref, name: input.name, email: input.email ?? false, is_company: input.isCompany ?? true };
  const id = await createOnce(client, MODEL, vals, async () => (await findPartnerByRef(client, input.ref))?.id ?? null);
  return { partner: await readPartner(client, id), created: true };
}
