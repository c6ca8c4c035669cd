import { validationError } from "../errors";
import { children, getRecord } from "../records";
import type { Env, ModelDef, RawRecord } from "./types";

const ADDRESS_TYPES = [["contact", "Contact"], ["invoice", "Invoice"], ["delivery", "Delivery"], ["other", "Other"]] as const;

/** res_partner.py _check_name: CHECK((type='contact' AND name IS NOT NULL) or (type!='contact')). */
function checkName(r: Record<string, unknown>): void {
  if ((r.type ?? "contact") === "contact" && !r.name) throw validationError("The operation cannot be completed: Contacts require a name");
}

/**
 * ResPartner.address_get: the partner's first descendant (depth first, not crossing into
 * companies) of each type, else its first ancestor's, defaulting to the partner itself.
 */
function addressOf(env: Env, partnerId: number, type: string): number {
  const visited = new Set<number>();
  let current = getRecord(env, "res.partner", partnerId);
  while (current) {
    const toScan: RawRecord[] = [current];
    while (toScan.length) {
      const record = toScan.shift()!;
      visited.add(record.id);
      if ((record.type ?? "contact") === type) return record.id;
      toScan.unshift(...children(env, "res.partner", "child_ids", record).filter((c) => !visited.has(c.id) && !c.is_company && c.active !== false));
    }
    if (current.is_company || !current.parent_id) break;
    current = getRecord(env, "res.partner", current.parent_id as number);
  }
  return partnerId;
}

/** What a new order or invoice of the customer in `vals` defaults to: its delivery address, its payment term. */
export const partnerDefaults = {
  delivery: (env: Env, vals: Record<string, unknown>) => (typeof vals.partner_id === "number" ? addressOf(env, vals.partner_id, "delivery") : false),
  paymentTerm: (env: Env, vals: Record<string, unknown>) =>
    (typeof vals.partner_id === "number" ? getRecord(env, "res.partner", vals.partner_id)?.property_payment_term_id ?? false : false),
};

export const partnerModel: ModelDef = {
  name: "res.partner",
  description: "Contact",
  fields: {
    // Not NOT NULL: a CHECK on contacts only (checkName), so a delivery address may have none.
    name: { type: "char", string: "Name" },
    parent_id: { type: "many2one", string: "Related Company", relation: "res.partner" },
    child_ids: { type: "one2many", string: "Contact", relation: "res.partner", inverse: "parent_id" },
    type: { type: "selection", string: "Address Type", selection: ADDRESS_TYPES, default: () => "contact" },
    email: { type: "char", string: "Email" },
    ref: { type: "char", string: "Reference" },
    is_company: { type: "boolean", string: "Is a Company", default: () => false },
    active: { type: "boolean", string: "Active", default: () => true },
    street: { type: "char", string: "Street" },
    street2: { type: "char", string: "Street2" },
    city: { type: "char", string: "City" },
    zip: { type: "char", string: "Zip" },
    state_id: { type: "many2one", string: "State", relation: "res.country.state", ondelete: "restrict" },
    country_id: { type: "many2one", string: "Country", relation: "res.country", ondelete: "restrict" },
    phone: { type: "char", string: "Phone" },
    // base_vat, which checks the number against the country, is not installed in Community's base.
    vat: { type: "char", string: "Tax ID" },
    // account/models/partner.py (company_dependent): what a new order and invoice take as their terms.
    property_payment_term_id: { type: "many2one", string: "Customer Payment Terms", relation: "account.payment.term", ondelete: "restrict" },
  },
  // ResPartner._get_complete_name: a nameless delivery address is named by its type, a child after its parent.
  displayName: (env, r) => {
    const parent = r.parent_id ? getRecord(env, "res.partner", r.parent_id as number) : undefined;
    let name = String(r.name || "");
    if (!parent) return name;
    if (!name && r.type !== "contact") name = ADDRESS_TYPES.find(([value]) => value === r.type)?.[1] ?? "";
    return r.is_company ? name : `${String(parent.name || "")}, ${name}`.trim();
  },
  beforeCreate: (_env, vals) => checkName(vals),
  afterWrite: (_env, r) => checkName(r),
};

/** base/models/res_country.py: a fresh database ships every ISO country, code upper case. */
export const countryModel: ModelDef = {
  name: "res.country",
  description: "Country",
  order: "name",
  fields: {
    name: { type: "char", string: "Country Name", required: true },
    code: { type: "char", string: "Country Code", required: true },
  },
  displayName: (_env, r) => String(r.name),
};

export const countryStateModel: ModelDef = {
  name: "res.country.state",
  description: "Country state",
  order: "code",
  fields: {
    country_id: { type: "many2one", string: "Country", relation: "res.country", required: true },
    name: { type: "char", string: "State Name", required: true },
    code: { type: "char", string: "State Code", required: true },
  },
  displayName: (_env, r) => `${String(r.name)}`,
};
