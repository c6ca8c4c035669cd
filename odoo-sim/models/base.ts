/** res.currency, res.company, uom.uom and product.pricelist: the base data orders and invoices point at. */
import { getRecord } from "../records";
import type { ModelDef } from "./types";

export const currencyModel: ModelDef = {
  name: "res.currency",
  description: "Currency",
  fields: {
    name: { type: "char", string: "Currency", required: true },
    full_name: { type: "char", string: "Name" },
    symbol: { type: "char", string: "Symbol", required: true },
    rounding: { type: "float", string: "Rounding Factor", default: () => 0.01 },
    // A fresh Odoo database ships every ISO currency, only the company's one active.
    active: { type: "boolean", string: "Active", default: () => true },
  },
  displayName: (_env, r) => String(r.name),
};

export const companyModel: ModelDef = {
  name: "res.company",
  description: "Companies",
  fields: {
    name: { type: "char", string: "Company Name", required: true },
    currency_id: { type: "many2one", string: "Currency", relation: "res.currency", required: true },
    // sale/models/res_company.py: the "Online Payment" setting and its default prepayment.
    portal_confirmation_pay: { type: "boolean", string: "Online Payment", default: () => false },
    prepayment_percent: { type: "float", string: "Prepayment percentage", default: () => 1 },
    account_sale_tax_id: { type: "many2one", string: "Default Sale Tax", relation: "account.tax" },
  },
  displayName: (_env, r) => String(r.name),
};

export const uomModel: ModelDef = {
  name: "uom.uom",
  description: "Product Unit of Measure",
  fields: {
    name: { type: "char", string: "Unit Name", required: true },
    active: { type: "boolean", string: "Active", default: () => true },
  },
  displayName: (_env, r) => String(r.name),
};

/** product/models/product_pricelist.py: an order's currency is its pricelist's. */
export const pricelistModel: ModelDef = {
  name: "product.pricelist",
  description: "Pricelist",
  order: "sequence, id",
  fields: {
    name: { type: "char", string: "Pricelist Name", required: true },
    active: { type: "boolean", string: "Active", default: () => true },
    sequence: { type: "integer", string: "Sequence", default: () => 16 },
    currency_id: {
      type: "many2one", string: "Currency", relation: "res.currency", required: true,
      default: (env) => getRecord(env, "res.company", 1)?.currency_id ?? false,
    },
    company_id: { type: "many2one", string: "Company", relation: "res.company", default: () => 1 },
  },
  displayName: (env, r) => `${String(r.name || "New")} (${String(getRecord(env, "res.currency", r.currency_id as number)?.name ?? "")})`,
};
