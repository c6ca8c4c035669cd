/**
 * product.product with the template fields the hub reads. `invoice_policy`
 * (sale/models/product_template.py) and `recurring_invoice` (sale_subscription) live on
 * product.template in Odoo and are related on the variant; 19's `type` is consu/service/combo.
 */
import { getRecord } from "../records";
import type { ModelDef } from "./types";

export const productModel: ModelDef = {
  name: "product.product",
  description: "Product Variant",
  fields: {
    name: { type: "char", string: "Name", required: true, storedOn: { model: "product.template", description: "Product" } },
    default_code: { type: "char", string: "Internal Reference" },
    list_price: { type: "float", string: "Sales Price", default: () => 1 },
    invoice_policy: {
      type: "selection",
      string: "Invoicing Policy",
      selection: [["order", "Ordered quantities"], ["delivery", "Delivered quantities"]],
      default: () => "order",
    },
    type: {
      type: "selection",
      string: "Product Type",
      selection: [["consu", "Goods"], ["service", "Service"], ["combo", "Combo"]],
      default: () => "consu",
    },
    // sale: a service's delivered quantity is set by hand (or through the API).
    service_type: { type: "selection", string: "Track Service", selection: [["manual", "Manually set quantities on order"]], default: () => "manual" },
    // A new product gets the company's default sale tax (15 % on a fresh database).
    taxes_id: {
      type: "many2many", string: "Sales Taxes", relation: "account.tax",
      default: (env) => {
        const tax = getRecord(env, "res.company", 1)?.account_sale_tax_id;
        return tax ? [tax] : [];
      },
    },
    recurring_invoice: { type: "boolean", string: "Subscriptions", default: () => false },
    uom_id: { type: "many2one", string: "Unit", relation: "uom.uom", required: true, default: () => 1 },
    active: { type: "boolean", string: "Active", default: () => true },
  },
  displayName: (_env, r) => (r.default_code ? `[${r.default_code}] ${r.name}` : String(r.name || "")),
};

export const planModel: ModelDef = {
  name: "sale.subscription.plan",
  description: "Subscription Plan",
  fields: {
    name: { type: "char", string: "Name", required: true },
    billing_period_value: { type: "integer", string: "Duration", default: () => 1 },
    billing_period_unit: {
      type: "selection",
      string: "Unit",
      selection: [["week", "Weeks"], ["month", "Months"], ["year", "Years"]],
      default: () => "month",
    },
    // "Align to period start": invoices on the first day of each month/year, the first one prorated.
    billing_first_day: { type: "boolean", string: "Align to Period Start", default: () => false },
    // Days a subscription may stay unpaid or late before Odoo closes it.
    auto_close_limit: { type: "integer", string: "Automatic Closing", default: () => 15 },
    active: { type: "boolean", string: "Active", default: () => true },
  },
  displayName: (_env, r) => String(r.name || ""),
};
