/**
 * Everything the hub asks of Odoo, in one table: the access each model needs and the
 * fields it reads and writes, with the type it expects. `needs: "sale_subscription"`
 * marks what only Enterprise's Subscriptions app provides. The readiness check
 * (`npm run odoo:check`) holds a live instance to it, and the odoo suite holds the
 * simulator and a real server to it; keep it in step with `models/*.ts`.
 */

export type OdooOperation = "read" | "write" | "create" | "unlink";
export type OdooFieldType =
  | "char" | "text" | "integer" | "float" | "monetary" | "boolean" | "date" | "datetime" | "selection" | "many2one" | "one2many" | "many2many";
export type Needs = "community" | "sale_subscription";

export interface HubCall {
  model: string;
  operation: OdooOperation;
  /** What the hub does with it, as the readiness report names a refused call. */
  purpose: string;
  needs: Needs;
}

export interface HubField {
  model: string;
  name: string;
  type: OdooFieldType;
  relation?: string;
  /** The hub writes it (create or write), so it must not be read-only. */
  writes: boolean;
  needs: Needs;
}

const SUB: Needs = "sale_subscription";

export const HUB_CALLS: HubCall[] = [
  { model: "res.partner", operation: "read", purpose: "find a customer's partner by reference, check a mapped partner", needs: "community" },
  { model: "res.partner", operation: "create", purpose: "create a customer's partner on the first push", needs: "community" },
  { model: "res.partner", operation: "write", purpose: "write a customer's address, phone, tax number, payment term and delivery address onto its partner", needs: "community" },
  // The hub also creates a term Odoo lacks; only Accounting / Administrator may, so its bot is refused and the push says so.
  { model: "account.payment.term", operation: "read", purpose: "find the payment term of a customer's net_payment_term", needs: "community" },
  { model: "account.payment.term.line", operation: "read", purpose: "find the payment term of a customer's net_payment_term", needs: "community" },
  { model: "res.country", operation: "read", purpose: "find a customer's country", needs: "community" },
  { model: "res.country.state", operation: "read", purpose: "find a customer's state or province (its sales taxes)", needs: "community" },
  { model: "res.currency", operation: "read", purpose: "find the currency of a plan", needs: "community" },
  { model: "product.pricelist", operation: "read", purpose: "find the pricelist in a plan's currency", needs: "community" },
  { model: "product.pricelist", operation: "create", purpose: "create the pricelist in a plan's currency", needs: "community" },
  { model: "product.product", operation: "read", purpose: "find the fee and usage products", needs: "community" },
  { model: "product.product", operation: "create", purpose: "create a plan's fee and usage products", needs: "community" },
  { model: "sale.subscription.plan", operation: "read", purpose: "find the recurring plan of a billing interval", needs: SUB },
  { model: "sale.subscription.plan", operation: "create", purpose: "create the recurring plan of a billing interval", needs: SUB },
  { model: "sale.order", operation: "read", purpose: "read subscription orders (state, next invoice date)", needs: "community" },
  { model: "sale.order", operation: "create", purpose: "create a subscription's order", needs: "community" },
  { model: "sale.order", operation: "write", purpose: "confirm orders, end terminated subscriptions, give them the customer's payment term and delivery address", needs: "community" },
  { model: "sale.order.line", operation: "read", purpose: "read usage lines", needs: "community" },
  { model: "sale.order.line", operation: "create", purpose: "add a usage line per charge", needs: "community" },
  { model: "sale.order.line", operation: "write", purpose: "write each period's usage and plan fees", needs: "community" },
  { model: "account.move", operation: "read", purpose: "read invoices for reconciliation and payment webhooks", needs: "community" },
  { model: "account.move.line", operation: "read", purpose: "read invoice lines for reconciliation and which periods Odoo has invoiced", needs: "community" },
  { model: "account.move", operation: "create", purpose: "issue a credit note for a prepaid plan's unused days", needs: "community" },
  { model: "account.move", operation: "write", purpose: "post the hub's credit notes", needs: "community" },
  { model: "account.move.line", operation: "create", purpose: "add the credited fee's line to a credit note", needs: "community" },
  { model: "res.company", operation: "read", purpose: "read the company's online payment (prepayment) setting", needs: "community" },
];

const field = (model: string, name: string, type: OdooFieldType, writes: boolean, extra: { relation?: string; needs?: Needs } = {}): HubField => ({
  model, name, type, writes, relation: extra.relation, needs: extra.needs ?? "community",
});
const m2o = (model: string, name: string, relation: string, writes: boolean, needs?: Needs) => field(model, name, "many2one", writes, { relation, needs });

export const HUB_FIELDS: HubField[] = [
  field("res.partner", "name", "char", true),
  field("res.partner", "email", "char", true),
  field("res.partner", "ref", "char", true),
  field("res.partner", "is_company", "boolean", true),
  field("res.partner", "active", "boolean", false),
  ...["street", "street2", "city", "zip", "phone", "vat"].map((name) => field("res.partner", name, "char", true)),
  m2o("res.partner", "country_id", "res.country", true),
  m2o("res.partner", "state_id", "res.country.state", true),
  m2o("res.partner", "property_payment_term_id", "account.payment.term", true),
  // The delivery address: a child partner of type 'delivery'.
  m2o("res.partner", "parent_id", "res.partner", true),
  field("res.partner", "type", "selection", true),
  field("account.payment.term", "name", "char", true),
  field("account.payment.term", "line_ids", "one2many", true, { relation: "account.payment.term.line" }),
  field("account.payment.term", "early_discount", "boolean", false),
  m2o("account.payment.term.line", "payment_id", "account.payment.term", true),
  field("account.payment.term.line", "value", "selection", true),
  field("account.payment.term.line", "value_amount", "float", true),
  field("account.payment.term.line", "delay_type", "selection", true),
  field("account.payment.term.line", "nb_days", "integer", true),
  field("res.country", "code", "char", false),
  field("res.country.state", "code", "char", false),
  field("res.country.state", "name", "char", false),
  m2o("res.country.state", "country_id", "res.country", false),
  field("res.currency", "name", "char", false),
  field("res.currency", "active", "boolean", false),
  field("product.pricelist", "name", "char", true),
  m2o("product.pricelist", "currency_id", "res.currency", true),
  field("product.pricelist", "active", "boolean", false),
  field("product.product", "name", "char", true),
  field("product.product", "default_code", "char", true),
  field("product.product", "list_price", "float", true),
  field("product.product", "invoice_policy", "selection", true),
  field("product.product", "type", "selection", true),
  field("product.product", "active", "boolean", false),
  field("product.product", "recurring_invoice", "boolean", true, { needs: SUB }),
  field("sale.subscription.plan", "name", "char", true, { needs: SUB }),
  field("sale.subscription.plan", "billing_period_value", "integer", true, { needs: SUB }),
  field("sale.subscription.plan", "billing_period_unit", "selection", true, { needs: SUB }),
  field("sale.order", "name", "char", false),
  m2o("sale.order", "partner_id", "res.partner", true),
  field("sale.order", "client_order_ref", "char", true),
  field("sale.order", "state", "selection", false),
  m2o("sale.order", "pricelist_id", "product.pricelist", true),
  m2o("sale.order", "currency_id", "res.currency", false),
  m2o("sale.order", "payment_term_id", "account.payment.term", true),
  m2o("sale.order", "partner_shipping_id", "res.partner", true),
  field("sale.order", "order_line", "one2many", true, { relation: "sale.order.line" }),
  m2o("sale.order", "plan_id", "sale.subscription.plan", true, SUB),
  field("sale.order", "is_subscription", "boolean", false, { needs: SUB }),
  field("sale.order", "subscription_state", "selection", false, { needs: SUB }),
  field("sale.order", "start_date", "date", true, { needs: SUB }),
  field("sale.order", "next_invoice_date", "date", true, { needs: SUB }),
  field("sale.order", "end_date", "date", true, { needs: SUB }),
  // The payment gate: created off, read back (paymentGateWarning).
  field("sale.order", "require_payment", "boolean", true),
  field("sale.order", "prepayment_percent", "float", false),
  m2o("sale.order", "payment_token_id", "payment.token", false, SUB),
  m2o("sale.order", "close_reason_id", "sale.order.close.reason", false, SUB),
  m2o("sale.order.line", "order_id", "sale.order", true),
  m2o("sale.order.line", "product_id", "product.product", true),
  field("sale.order.line", "name", "text", true),
  field("sale.order.line", "product_uom_qty", "float", true),
  field("sale.order.line", "qty_delivered", "float", true),
  field("sale.order.line", "qty_invoiced", "float", false),
  field("sale.order.line", "qty_to_invoice", "float", false),
  field("sale.order.line", "price_unit", "float", true),
  field("account.move", "name", "char", false),
  // Set on create only (a credit note's type, origin, its reversed invoice and line's order lines): Odoo's readonly is its
  // form's, and create takes them (tests/odoo/hub-billing.test.ts posts such a credit note on each peer).
  field("account.move", "move_type", "selection", false),
  field("account.move", "state", "selection", false),
  field("account.move", "payment_state", "selection", false),
  m2o("account.move", "partner_id", "res.partner", true),
  field("account.move", "invoice_origin", "char", false),
  field("account.move", "invoice_date", "date", true),
  field("account.move", "invoice_date_due", "date", false),
  field("account.move", "ref", "char", true),
  m2o("account.move", "reversed_entry_id", "account.move", false),
  field("account.move", "amount_total", "monetary", false),
  field("account.move", "amount_residual", "monetary", false),
  m2o("account.move", "currency_id", "res.currency", true),
  field("account.move", "invoice_line_ids", "one2many", true, { relation: "account.move.line" }),
  m2o("account.move.line", "move_id", "account.move", false),
  m2o("account.move.line", "product_id", "product.product", true),
  field("account.move.line", "name", "char", true),
  field("account.move.line", "quantity", "float", true),
  field("account.move.line", "price_unit", "float", true),
  field("account.move.line", "price_subtotal", "monetary", false),
  field("account.move.line", "tax_ids", "many2many", true, { relation: "account.tax" }),
  field("account.move.line", "sale_line_ids", "many2many", false, { relation: "sale.order.line" }),
  // The service period an invoice line bills: what says a period is invoiced (listInvoicedServicePeriods).
  field("account.move.line", "deferred_start_date", "date", false, { needs: SUB }),
  field("account.move.line", "deferred_end_date", "date", false, { needs: SUB }),
  m2o("res.company", "currency_id", "res.currency", false),
  field("res.company", "portal_confirmation_pay", "boolean", false),
  field("res.company", "prepayment_percent", "float", false),
];

/** The models the hub touches, in table order. */
export const hubModels = (needs?: Needs): string[] =>
  [...new Set(HUB_FIELDS.filter((f) => !needs || f.needs === needs).map((f) => f.model))];
