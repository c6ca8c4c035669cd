/** Minimal res.currency and uom.uom: the targets of currency_id / product_uom_id. */
import type { ModelDef } from "./types";

export const currencyModel: ModelDef = {
  name: "res.currency",
  description: "Currency",
  fields: {
    name: { type: "char", string: "Currency", required: true },
    symbol: { type: "char", string: "Symbol" },
    active: { type: "boolean", string: "Active", default: () => true },
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
