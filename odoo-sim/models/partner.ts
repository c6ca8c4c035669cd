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
  },
  displayName: (_env, r) => String(r.name || ""),
};
