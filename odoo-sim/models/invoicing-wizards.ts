/**
 * Community's public invoicing path, as an API user takes it (`_create_invoices` is
 * private): the "Create invoice" wizard (sale/wizard/sale_make_invoice_advance.py,
 * regular invoices only) and the "Register payment" wizard
 * (account/wizard/account_payment_register.py, one payment per invoice).
 */
import { userError } from "../errors";
import { createRecords } from "../orm";
import { children, displayName, fieldValue, getRecord } from "../records";
import { refuseDraftInvoices, reopenPaidChurned } from "./subscription-lifecycle";
import { currencyRounding, floatRound } from "./tax";
import type { Env, ModelDef, RawRecord } from "./types";

const num = (v: unknown) => (typeof v === "number" ? v : 0);
const activeIds = (env: Env, model: string): number[] =>
  env.context.active_model === model && Array.isArray(env.context.active_ids) ? (env.context.active_ids as number[]) : [];

/** account_move_line.py _get_journal_items_full_name: the product's name goes first unless the text has it. */
export function invoiceLineName(env: Env, saleLine: RawRecord): string {
  const name = String(saleLine.name || "");
  const product = saleLine.product_id ? displayName(env, "product.product", saleLine.product_id as number) : "";
  return !product || name.includes(product) ? name : `${product} ${name}`;
}

const NOTHING_TO_INVOICE =
  "Cannot create an invoice. No items are available to invoice.\n\nTo resolve this issue, please ensure that:\n" +
  "   \u2022 The products have been delivered before attempting to invoice them.\n" +
  "   \u2022 The invoicing policy of the product is configured correctly.\n\n" +
  "If you want to invoice based on ordered quantities instead:\n" +
  "   \u2022 For consumable or storable products, open the product, go to the 'General Information' tab and change the 'Invoicing Policy' from 'Delivered Quantities' to 'Ordered Quantities'.\n" +
  "   \u2022 For services (and other products), change the 'Invoicing Policy' to 'Prepaid/Fixed Price'.\n";

function invoiceOrder(env: Env, order: RawRecord): number | null {
  const lines = children(env, "sale.order", "order_line", order).filter((line) => num(fieldValue(env, "sale.order.line", line, "qty_to_invoice")) !== 0);
  if (!lines.length) return null;
  const [moveId] = createRecords(env, "account.move", [{
    move_type: "out_invoice",
    partner_id: order.partner_id,
    invoice_origin: order.name,
    // sale_order.py _prepare_invoice: the order's terms and delivery address, not the customer's current ones.
    invoice_payment_term_id: order.payment_term_id ?? false,
    partner_shipping_id: order.partner_shipping_id ?? false,
    currency_id: fieldValue(env, "sale.order", order, "currency_id"),
    invoice_line_ids: lines.map((line) => [0, 0, {
      product_id: line.product_id,
      name: invoiceLineName(env, line),
      quantity: fieldValue(env, "sale.order.line", line, "qty_to_invoice"),
      price_unit: line.price_unit,
      tax_ids: [[6, 0, (line.tax_ids as number[]) ?? []]],
      sale_line_ids: [[6, 0, [line.id]]],
    }]),
  }]);
  return moveId!;
}

export const saleAdvancePaymentInvModel: ModelDef = {
  name: "sale.advance.payment.inv",
  description: "Sales Advance Payment Invoice",
  fields: {
    advance_payment_method: {
      type: "selection", string: "Create Invoice", required: true, default: () => "delivered",
      selection: [["delivered", "Regular invoice"], ["percentage", "Down payment (percentage)"], ["fixed", "Down payment (fixed amount)"]],
    },
    sale_order_ids: { type: "many2many", string: "Sales Orders", relation: "sale.order", default: (env) => activeIds(env, "sale.order") },
    count: { type: "integer", string: "Order Count", compute: (_env, r) => ((r.sale_order_ids as number[]) ?? []).length },
  },
  displayName: (_env, r) => `sale.advance.payment.inv,${r.id}`,
  methods: {
    create_invoices: {
      apiModel: false,
      params: [],
      run: (env, _model, ids) => {
        const moveIds: number[] = [];
        for (const wizard of ids.map((id) => getRecord(env, "sale.advance.payment.inv", id)!)) {
          if (wizard.advance_payment_method !== "delivered") throw userError("odoo-sim models regular invoices only (advance_payment_method 'delivered').");
          refuseDraftInvoices(env, ((wizard.sale_order_ids as number[]) ?? []).map((orderId) => getRecord(env, "sale.order", orderId)!));
          for (const orderId of (wizard.sale_order_ids as number[]) ?? []) {
            const moveId = invoiceOrder(env, getRecord(env, "sale.order", orderId)!);
            if (moveId !== null) moveIds.push(moveId);
          }
        }
        if (!moveIds.length) throw userError(NOTHING_TO_INVOICE);
        return {
          type: "ir.actions.act_window", name: "Invoices", display_name: "Invoices", res_model: "account.move",
          ...(moveIds.length === 1 ? { res_id: moveIds[0], view_mode: "form" } : { domain: [["id", "in", moveIds]], view_mode: "list,form" }),
        };
      },
    },
  },
};

export const accountPaymentModel: ModelDef = {
  name: "account.payment",
  description: "Payments",
  fields: {
    name: { type: "char", string: "Number" },
    amount: { type: "monetary", string: "Amount", default: () => 0 },
    partner_id: { type: "many2one", string: "Customer/Vendor", relation: "res.partner", ondelete: "restrict" },
    payment_type: { type: "selection", string: "Payment Type", required: true, selection: [["outbound", "Send"], ["inbound", "Receive"]], default: () => "inbound" },
    state: {
      type: "selection", string: "Status", required: true, default: () => "draft",
      selection: [["draft", "Draft"], ["in_process", "In Process"], ["paid", "Paid"], ["canceled", "Canceled"], ["rejected", "Rejected"]],
    },
    currency_id: { type: "many2one", string: "Currency", relation: "res.currency" },
    date: { type: "date", string: "Date", required: true, default: (env) => env.today },
  },
  displayName: (_env, r) => String(r.name || `Draft Payment (* ${r.id})`),
};

/** Matches a payment on a posted invoice and moves its payment_state the way Community does without bank reconciliation. */
export function registerPayment(env: Env, move: RawRecord, amount: number, date: string): number {
  const [paymentId] = createRecords(env, "account.payment", [{
    name: `P${String(move.name ?? move.id)}`, amount, partner_id: move.partner_id, payment_type: "inbound", state: "paid",
    currency_id: move.currency_id, date,
  }]);
  move.matched_payment_ids = [...((move.matched_payment_ids as number[]) ?? []), paymentId!];
  const due = num(fieldValue(env, "account.move", move, "amount_residual"));
  move.payment_state = due <= currencyRounding(env, move.currency_id) / 2 ? "paid" : "partial";
  reopenPaidChurned(env, move);
  return paymentId!;
}

export const accountPaymentRegisterModel: ModelDef = {
  name: "account.payment.register",
  description: "Pay",
  fields: {
    amount: { type: "monetary", string: "Amount" },
    currency_id: { type: "many2one", string: "Currency", relation: "res.currency" },
    payment_date: { type: "date", string: "Payment Date", required: true, default: (env) => env.today },
    communication: { type: "char", string: "Memo" },
  },
  displayName: (_env, r) => `account.payment.register,${r.id}`,
  // default_get from the invoices in the context: what they still owe, their currency and number.
  beforeCreate: (env, vals) => {
    const moves = activeIds(env, "account.move").map((id) => getRecord(env, "account.move", id));
    if (!moves.length || moves.some((move) => !move)) throw userError("The register payment wizard should only be called on account.move or account.move.line records.");
    if (moves.some((move) => move!.state !== "posted")) throw userError("You can only register payment for posted journal entries.");
    const first = moves[0]!;
    // default_get keeps the receivable lines with a residual: none left (a paid or zero invoice) is an error.
    const owed = (move: RawRecord) => num(fieldValue(env, "account.move", move, "amount_residual")) > currencyRounding(env, move.currency_id) / 2;
    if (!moves.some((move) => owed(move!))) {
      throw userError("There's nothing left to pay for the selected journal items, so no payment registration is necessary. You've got your finances under control like a boss!");
    }
    vals.amount ??= floatRound(moves.reduce((sum, move) => sum + num(fieldValue(env, "account.move", move!, "amount_residual")), 0), currencyRounding(env, first.currency_id));
    vals.currency_id ??= first.currency_id;
    vals.communication ??= moves.map((move) => move!.name).join(" ");
  },
  // The wizard's lines in Odoo (the invoices' receivable lines): kept on the record, not as a field.
  afterCreate: (env, record) => {
    record.invoiceIds = activeIds(env, "account.move");
  },
  methods: {
    action_create_payments: {
      apiModel: false,
      params: [],
      run: (env, _model, ids) => {
        let paymentId = 0;
        for (const wizard of ids.map((id) => getRecord(env, "account.payment.register", id)!)) {
          let left = num(wizard.amount);
          for (const moveId of (wizard.invoiceIds as number[]) ?? []) {
            const move = getRecord(env, "account.move", moveId)!;
            const amount = Math.min(left, num(fieldValue(env, "account.move", move, "amount_residual")));
            left -= amount;
            paymentId = registerPayment(env, move, amount, String(wizard.payment_date));
          }
        }
        return { name: "Payments", type: "ir.actions.act_window", res_model: "account.payment", context: { create: false }, view_mode: "form", res_id: paymentId };
      },
    },
  },
};
