/**
 * sale.order as a subscription (sale_subscription, Enterprise): no sale.subscription
 * model since 17 — `plan_id` makes an order a subscription and `is_subscription` is
 * computed from it. Lines carry the usage quantity in `qty_delivered`.
 */
import { userError } from "../errors";
import { children, fieldValue, getRecord, nextSequence, nowDatetime, table } from "../records";
import { partnerDefaults } from "./partner";
import { portalPreview } from "./portal-preview";
import { checkSubscriptionDates, confirmSubscription, paymentGateValues } from "./subscription-lifecycle";
import { isRecurringLine, lastInvoicedDate, orderLastInvoiceDate, subscriptionQtyInvoiced } from "./subscription-periods";
import { currencyRounding, documentAmounts, linePrices, type TaxedLine } from "./tax";
import type { Env, ModelDef, RawRecord } from "./types";

export const SUBSCRIPTION_STATES = [
  ["1_draft", "Quotation"],
  ["2_renewal", "Renewal Quotation"],
  ["3_progress", "In Progress"],
  ["4_paused", "Paused"],
  ["5_renewed", "Renewed"],
  ["6_churn", "Churned"],
  ["7_upsell", "Upsell"],
] as const;

const num = (v: unknown) => (typeof v === "number" ? v : 0);

/**
 * sale_order_line.py _compute_qty_invoiced: every invoice line of the order line that is
 * not cancelled, drafts included, credit notes negative.
 */
function communityQtyInvoiced(env: Env, lineId: number): number {
  let quantity = 0;
  for (const l of table(env, "account.move.line").values()) {
    if (!((l.sale_line_ids as number[]) ?? []).includes(lineId)) continue;
    const move = getRecord(env, "account.move", l.move_id as number);
    if (!move || move.state === "cancel") continue;
    if (move.move_type === "out_invoice") quantity += num(l.quantity);
    else if (move.move_type === "out_refund") quantity -= num(l.quantity);
  }
  return quantity;
}

const orderOf = (env: Env, line: RawRecord) => getRecord(env, "sale.order", line.order_id as number);
const taxedLine = (l: RawRecord): TaxedLine => ({ quantity: num(l.product_uom_qty), priceUnit: num(l.price_unit), taxIds: (l.tax_ids as number[]) ?? [] });
const orderAmounts = (env: Env, r: RawRecord) =>
  documentAmounts(env, children(env, "sale.order", "order_line", r).map(taxedLine), currencyRounding(env, fieldValue(env, "sale.order", r, "currency_id")));
const lineRounding = (env: Env, line: RawRecord) => {
  const order = orderOf(env, line);
  return currencyRounding(env, order ? fieldValue(env, "sale.order", order, "currency_id") : false);
};

function policyOf(env: Env, line: RawRecord): string {
  const product = line.product_id ? getRecord(env, "product.product", line.product_id as number) : undefined;
  return String(product?.invoice_policy ?? "order");
}

export const saleOrderModel: ModelDef = {
  name: "sale.order",
  description: "Sales Order",
  order: "id",
  fields: {
    name: { type: "char", string: "Order Reference", required: true, default: () => "New" },
    client_order_ref: { type: "char", string: "Customer Reference" },
    access_token: { type: "char", string: "Security Token" },
    partner_id: { type: "many2one", string: "Customer", relation: "res.partner", required: true, ondelete: "restrict" },
    // sale_order.py _compute_partner_shipping_id / _compute_payment_term_id: from the customer when the order is made.
    partner_shipping_id: {
      type: "many2one", string: "Delivery Address", relation: "res.partner", required: true,
      default: partnerDefaults.delivery,
    },
    payment_term_id: {
      type: "many2one", string: "Payment Terms", relation: "account.payment.term",
      default: partnerDefaults.paymentTerm,
    },
    plan_id: { type: "many2one", string: "Recurring Plan", relation: "sale.subscription.plan" },
    is_subscription: { type: "boolean", string: "Recurring", compute: (_env, r) => Boolean(r.plan_id) },
    subscription_state: { type: "selection", string: "Subscription Status", selection: SUBSCRIPTION_STATES },
    start_date: { type: "date", string: "Start Date" },
    next_invoice_date: { type: "date", string: "Date of Next Invoice" },
    end_date: { type: "date", string: "End Date" },
    state: {
      type: "selection",
      string: "Status",
      selection: [["draft", "Quotation"], ["sent", "Quotation Sent"], ["sale", "Sales Order"], ["cancel", "Cancelled"]],
      default: () => "draft",
    },
    date_order: { type: "datetime", string: "Order Date", default: () => nowDatetime() },
    company_id: { type: "many2one", string: "Company", relation: "res.company", required: true, default: () => 1 },
    pricelist_id: { type: "many2one", string: "Pricelist", relation: "product.pricelist", ondelete: "restrict" },
    // sale_order.py _compute_currency_id: the pricelist's currency, else the company's.
    currency_id: {
      type: "many2one",
      string: "Currency",
      relation: "res.currency",
      compute: (env, r) => {
        const pricelist = r.pricelist_id ? getRecord(env, "product.pricelist", r.pricelist_id as number) : undefined;
        return pricelist?.currency_id ?? getRecord(env, "res.company", r.company_id as number)?.currency_id ?? false;
      },
    },
    // The payment gate's inputs (models/subscription-lifecycle.ts paymentGateValues): sale_subscription
    // derives require_payment from prepayment_percent, which defaults to the company's.
    require_payment: { type: "boolean", string: "Online payment" },
    prepayment_percent: { type: "float", string: "Prepayment percentage" },
    last_reminder_date: { type: "date", string: "Last time when we sent a payment reminder" },
    last_invoice_date: { type: "date", string: "Last invoice date", compute: (env, r) => orderLastInvoiceDate(env, r, env.today) ?? false },
    payment_token_id: { type: "many2one", string: "Payment Token", relation: "payment.token", ondelete: "restrict" },
    close_reason_id: { type: "many2one", string: "Close Reason", relation: "sale.order.close.reason", ondelete: "restrict" },
    order_line: { type: "one2many", string: "Order Lines", relation: "sale.order.line", inverse: "order_id" },
    amount_untaxed: { type: "monetary", string: "Untaxed Amount", compute: (env, r) => orderAmounts(env, r).untaxed },
    amount_tax: { type: "monetary", string: "Taxes", compute: (env, r) => orderAmounts(env, r).tax },
    amount_total: { type: "monetary", string: "Total", compute: (env, r) => orderAmounts(env, r).total },
    invoice_ids: {
      type: "many2many",
      string: "Invoices",
      relation: "account.move",
      compute: (env, r) => {
        const lineIds = children(env, "sale.order", "order_line", r).map((l) => l.id);
        const moves = new Set<number>();
        for (const l of table(env, "account.move.line").values())
          if (l.subscription_id === r.id || ((l.sale_line_ids as number[]) ?? []).some((x) => lineIds.includes(x))) moves.add(l.move_id as number);
        return [...moves].sort((a, b) => a - b);
      },
    },
  },
  displayName: (_env, r) => String(r.name),
  beforeCreate: (env, vals) => {
    if (!vals.name || vals.name === "New") vals.name = `S${String(nextSequence(env, "sale.order")).padStart(5, "0")}`;
    if (vals.plan_id && !vals.subscription_state) vals.subscription_state = "1_draft";
    const company = getRecord(env, "res.company", (vals.company_id as number) ?? 1);
    Object.assign(vals, paymentGateValues(vals, Number(company?.prepayment_percent ?? 1)));
  },
  afterWrite: (_env, r, vals) => {
    if ("require_payment" in vals || "prepayment_percent" in vals)
      Object.assign(r, paymentGateValues("require_payment" in vals ? { require_payment: vals.require_payment } : {}, Number(r.prepayment_percent)));
    checkSubscriptionDates(r);
  },
  afterCreate: (_env, r) => checkSubscriptionDates(r),
  beforeUnlink: (_env, r) => {
    // sale_subscription: a running subscription must be closed and cancelled first.
    if (r.state === "sale" && r.subscription_state && !["1_draft", "2_renewal", "5_renewed", "6_churn"].includes(String(r.subscription_state)))
      throw userError("Oops! Before you can delete a confirmed subscription, you'll need to close and cancel it.");
    // sale/models/sale_order.py _unlink_except_draft_or_cancel
    if (r.state === "sale")
      throw userError("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
  },
  methods: {
    action_preview_sale_order: portalPreview("sale.order", "/my/orders"),
    action_confirm: {
      apiModel: false,
      params: [],
      run: (env, _model, ids) => {
        for (const id of ids) {
          const order = getRecord(env, "sale.order", id)!;
          if (order.state !== "draft" && order.state !== "sent")
            throw userError("Some orders are not in a state requiring confirmation.");
          confirmSubscription(env, order);
        }
        return true;
      },
    },
  },
};

/** sale.order.close.reason (sale_subscription): why a subscription was closed. */
export const closeReasonModel: ModelDef = {
  name: "sale.order.close.reason",
  description: "Subscription Close Reason",
  fields: { name: { type: "char", string: "Reason", required: true } },
  displayName: (_env, r) => String(r.name),
};

/** sale.order.template (sale_management): quotation templates; here for its presence, which says sale_management is installed. */
export const orderTemplateModel: ModelDef = {
  name: "sale.order.template",
  description: "Quotation Template",
  fields: { name: { type: "char", string: "Quotation Template", required: true }, active: { type: "boolean", string: "Active", default: () => true } },
  displayName: (_env, r) => String(r.name),
};

export const saleOrderLineModel: ModelDef = {
  name: "sale.order.line",
  description: "Sales Order Line",
  fields: {
    order_id: { type: "many2one", string: "Order Reference", relation: "sale.order", required: true, ondelete: "cascade" },
    product_id: { type: "many2one", string: "Product", relation: "product.product", ondelete: "restrict" },
    name: {
      type: "text",
      string: "Description",
      required: true,
      default: (env, vals) => {
        const p = typeof vals.product_id === "number" ? getRecord(env, "product.product", vals.product_id) : undefined;
        return p ? (p.default_code ? `[${p.default_code}] ${p.name}` : p.name) : false;
      },
    },
    product_uom_qty: { type: "float", string: "Quantity", default: () => 1 },
    product_uom_id: { type: "many2one", string: "Unit", relation: "uom.uom", default: () => 1 },
    price_unit: {
      type: "float",
      string: "Unit Price",
      default: (env, vals) => {
        const p = typeof vals.product_id === "number" ? getRecord(env, "product.product", vals.product_id) : undefined;
        return p ? p.list_price : 0;
      },
    },
    // The product's taxes (sale_order_line.py _compute_tax_id), the company default sale tax on a new product.
    tax_ids: {
      type: "many2many", string: "Taxes", relation: "account.tax",
      default: (env, vals) => {
        const p = typeof vals.product_id === "number" ? getRecord(env, "product.product", vals.product_id) : undefined;
        return [...((p?.taxes_id as number[] | undefined) ?? [])];
      },
    },
    price_subtotal: { type: "monetary", string: "Subtotal", compute: (env, r) => linePrices(env, taxedLine(r), lineRounding(env, r)).subtotal },
    price_total: { type: "monetary", string: "Total", compute: (env, r) => linePrices(env, taxedLine(r), lineRounding(env, r)).total },
    qty_delivered: { type: "float", string: "Delivery Quantity", default: () => 0 },
    // sale_subscription: the end of the latest period a posted invoice billed this line for.
    last_invoiced_date: { type: "date", string: "Last Invoiced Date", compute: (env, r) => lastInvoicedDate(env, r) ?? false },
    // A subscription's recurring line: what its current period was billed (models/subscription-periods.ts).
    // Other lines: Community's count.
    qty_invoiced: {
      type: "float",
      string: "Invoiced Quantity",
      compute: (env, r) => {
        const order = orderOf(env, r);
        if (!order?.plan_id || !isRecurringLine(env, r)) return communityQtyInvoiced(env, r.id);
        return order.state === "sale" ? subscriptionQtyInvoiced(env, r, env.today) : 0;
      },
    },
    // Community's delivered (or ordered) minus invoiced, once confirmed; for a subscription's
    // recurring line minus what its current period was billed (the cron itself bills the
    // whole qty_delivered or product_uom_qty each period).
    qty_to_invoice: {
      type: "float",
      string: "Quantity To Invoice",
      compute: (env, r) => {
        const order = orderOf(env, r);
        const base = policyOf(env, r) === "delivery" ? num(r.qty_delivered) : num(r.product_uom_qty);
        if (order?.state !== "sale") return 0;
        if (!isRecurringLine(env, r)) return base - communityQtyInvoiced(env, r.id);
        if (order.plan_id) return base - subscriptionQtyInvoiced(env, r, env.today);
        return base - communityQtyInvoiced(env, r.id);
      },
    },
  },
  displayName: (env, r) => {
    const order = getRecord(env, "sale.order", r.order_id as number);
    return `${order?.name ?? ""} - ${String(r.name || "").split("\n")[0]}`;
  },
};
