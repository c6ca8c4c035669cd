import type { ModelDef } from "./types";

export const partnerModel: ModelDef = {
  name: "res.partner",
  description: "Contact",
  fields: {
    // A CHECK constraint (res_partner_check_name), not NOT NULL.
    name: { type: "char", string: "Name", required: true, requiredMessage: "Contacts require a name" },
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
  },
  displayName: (_env, r) => String(r.name || ""),
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
