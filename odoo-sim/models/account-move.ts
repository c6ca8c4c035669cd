/** account.move / account.move.line: customer invoices, with Community's taxes and payments. */
import { userError } from "../errors";
import { children, fieldValue, getRecord, nextSequence } from "../records";
import { partnerDefaults } from "./partner";
import { termDueDate } from "./payment-term";
import { portalPreview } from "./portal-preview";
import { afterInvoicePosted } from "./subscription-lifecycle";
import { currencyRounding, documentAmounts, linePrices, type TaxedLine } from "./tax";
import type { Env, ModelDef, RawRecord } from "./types";

const num = (v: unknown) => (typeof v === "number" ? v : 0);

export const PAYMENT_STATES = [
  ["not_paid", "Not Paid"],
  ["in_payment", "In Payment"],
  ["paid", "Paid"],
  ["partial", "Partially Paid"],
  ["reversed", "Reversed"],
  ["blocked", "Blocked"],
  ["invoicing_legacy", "Invoicing App Legacy"],
] as const;

const taxedLine = (l: RawRecord): TaxedLine => ({ quantity: num(l.quantity), priceUnit: num(l.price_unit), taxIds: (l.tax_ids as number[]) ?? [] });
const moveAmounts = (env: Env, r: RawRecord) =>
  documentAmounts(env, children(env, "account.move", "invoice_line_ids", r).map(taxedLine), currencyRounding(env, r.currency_id));

/** What registered payments cover (account.payment amounts matched to the invoice), and what a credit note reconciled on it. */
export function paidAmount(env: Env, move: RawRecord): number {
  const payments = ((move.matched_payment_ids as number[]) ?? []).reduce((sum, id) => sum + num(getRecord(env, "account.payment", id)?.amount), 0);
  return payments + num(move[RECONCILED_CREDIT]);
}

/** Not an Odoo field: the amount of a reversal reconciled between an invoice and its credit note (account.partial.reconcile). */
const RECONCILED_CREDIT = "__reconciled_credit";

/**
 * account_move.py `_post`: a credit note reversing a posted invoice is reconciled with it
 * (`_reconcile_reversed_moves`) while the invoice's receivable is still open — the invoice
 * then owes less ('partial', or 'reversed' when the credit note settles it alone; 'paid'
 * when payments did the rest) and the credit note is 'paid' or 'partial'. Against a paid
 * invoice nothing is left to reconcile: the credit note stays open, the customer's credit.
 */
function reconcileReversal(env: Env, refund: RawRecord): void {
  const invoice = refund.reversed_entry_id ? getRecord(env, "account.move", refund.reversed_entry_id as number) : undefined;
  if (!invoice || invoice.state !== "posted") return;
  const half = currencyRounding(env, invoice.currency_id) / 2;
  const owed = num(fieldValue(env, "account.move", invoice, "amount_residual"));
  if (owed <= half) return;
  const applied = Math.min(owed, moveAmounts(env, refund).total);
  invoice[RECONCILED_CREDIT] = num(invoice[RECONCILED_CREDIT]) + applied;
  refund[RECONCILED_CREDIT] = num(refund[RECONCILED_CREDIT]) + applied;
  const settled = (move: RawRecord) => num(fieldValue(env, "account.move", move, "amount_residual")) <= half;
  invoice.payment_state = !settled(invoice) ? "partial" : (invoice.matched_payment_ids as number[] | undefined)?.length ? "paid" : "reversed";
  refund.payment_state = settled(refund) ? "paid" : "partial";
}

/** Posting assigns the sequence name, e.g. INV/2025/00001 (account/models/sequence_mixin.py). */
export function postMove(env: Env, move: RawRecord): void {
  if (move.state !== "draft") throw userError("Only draft journal entries can be posted.");
  const currency = getRecord(env, "res.currency", move.currency_id as number);
  // account_move.py _post: an invoice in a currency that is not active cannot be validated.
  if (currency && currency.active === false) throw userError(`You cannot validate a document with an inactive currency: ${String(currency.name)}`);
  move.invoice_date ||= env.today;
  move.invoice_date_due = termDueDate(env, move.invoice_payment_term_id, String(move.invoice_date)) ?? (move.invoice_date_due || move.invoice_date);
  const year = String(move.invoice_date).slice(0, 4);
  const prefix = move.move_type === "out_refund" ? "RINV" : move.move_type === "out_invoice" ? "INV" : "MISC";
  move.name = `${prefix}/${year}/${String(nextSequence(env, `${prefix}/${year}`)).padStart(5, "0")}`;
  move.state = "posted";
  // _compute_payment_state: a posted invoice with nothing to pay is paid, payment or not.
  if (Math.abs(moveAmounts(env, move).total) < currencyRounding(env, move.currency_id) / 2) move.payment_state = "paid";
  else if (move.move_type === "out_refund") reconcileReversal(env, move);
  afterInvoicePosted(env, move);
}

export const accountMoveModel: ModelDef = {
  name: "account.move",
  description: "Journal Entry",
  order: "id",
  fields: {
    name: { type: "char", string: "Number", default: () => "/" },
    move_type: {
      type: "selection",
      string: "Type",
      required: true,
      readonly: true,
      selection: [
        ["entry", "Journal Entry"], ["out_invoice", "Customer Invoice"], ["out_refund", "Customer Credit Note"],
        ["in_invoice", "Vendor Bill"], ["in_refund", "Vendor Credit Note"], ["out_receipt", "Sales Receipt"], ["in_receipt", "Purchase Receipt"],
      ],
      default: () => "entry",
    },
    partner_id: { type: "many2one", string: "Partner", relation: "res.partner", ondelete: "restrict" },
    invoice_origin: { type: "char", string: "Origin", readonly: true },
    ref: { type: "char", string: "Reference" },
    reversed_entry_id: { type: "many2one", string: "Reversal of", relation: "account.move", readonly: true },
    invoice_date: { type: "date", string: "Invoice/Bill Date" },
    invoice_date_due: { type: "date", string: "Due Date" },
    // _compute_partner_shipping_id: the customer's delivery address, unless given (an order's, _prepare_invoice).
    partner_shipping_id: {
      type: "many2one", string: "Delivery Address", relation: "res.partner",
      default: partnerDefaults.delivery,
    },
    // _compute_invoice_payment_term_id: the customer's terms, unless given (an order's, _prepare_invoice).
    invoice_payment_term_id: {
      type: "many2one", string: "Payment Terms", relation: "account.payment.term",
      default: partnerDefaults.paymentTerm,
    },
    state: {
      type: "selection",
      string: "Status",
      required: true,
      readonly: true,
      selection: [["draft", "Draft"], ["posted", "Posted"], ["cancel", "Cancelled"]],
      default: () => "draft",
    },
    payment_state: { type: "selection", string: "Payment Status", selection: PAYMENT_STATES, readonly: true, default: () => "not_paid" },
    currency_id: {
      type: "many2one", string: "Currency", relation: "res.currency", required: true,
      default: (env) => getRecord(env, "res.company", 1)?.currency_id ?? 1,
    },
    invoice_line_ids: { type: "one2many", string: "Invoice lines", relation: "account.move.line", inverse: "move_id" },
    matched_payment_ids: { type: "many2many", string: "Matched Payments", relation: "account.payment" },
    // portal.mixin: the token of the customer's portal link, set the first time a link is made.
    access_token: { type: "char", string: "Security Token" },
    amount_untaxed: { type: "monetary", string: "Untaxed Amount", compute: (env, r) => moveAmounts(env, r).untaxed },
    amount_tax: { type: "monetary", string: "Tax", compute: (env, r) => moveAmounts(env, r).tax },
    amount_total: { type: "monetary", string: "Total", compute: (env, r) => moveAmounts(env, r).total },
    amount_residual: {
      type: "monetary",
      string: "Amount Due",
      compute: (env, r) => {
        // A payment state set by /__sim/payment stands for a payment the simulator did not register.
        if (!(r.matched_payment_ids as number[] | undefined)?.length && ["paid", "in_payment", "reversed"].includes(String(r.payment_state))) return 0;
        const total = moveAmounts(env, r).total;
        return Math.max(0, Number((total - paidAmount(env, r)).toFixed(6)));
      },
    },
  },
  displayName: (_env, r) => (r.name && r.name !== "/" ? String(r.name) : `Draft Invoice (* ${r.id})`),
  // A draft is dated from today until posted (needed_terms' date_ref: invoice_date or date or today).
  afterCreate: (env, r) => {
    r.invoice_date_due = termDueDate(env, r.invoice_payment_term_id, String(r.invoice_date || env.today)) ?? r.invoice_date_due ?? false;
  },
  beforeUnlink: (_env, r) => {
    // account/models/account_move.py _unlink_forbid_parts_of_chain / posted entries
    if (r.state === "posted") throw userError("You cannot delete an entry which has been posted once.");
  },
  methods: {
    preview_invoice: portalPreview("account.move", "/my/invoices"),
    action_post: {
      apiModel: false,
      params: [],
      run: (env, _model, ids) => {
        for (const id of ids) postMove(env, getRecord(env, "account.move", id)!);
        return false;
      },
    },
  },
};

export const accountMoveLineModel: ModelDef = {
  name: "account.move.line",
  description: "Journal Item",
  fields: {
    move_id: { type: "many2one", string: "Journal Entry", relation: "account.move", required: true, readonly: true, ondelete: "cascade" },
    product_id: { type: "many2one", string: "Product", relation: "product.product", ondelete: "restrict" },
    name: { type: "char", string: "Label" },
    quantity: { type: "float", string: "Quantity", default: () => 1 },
    price_unit: { type: "float", string: "Unit Price", default: () => 0 },
    tax_ids: { type: "many2many", string: "Taxes", relation: "account.tax" },
    currency_id: {
      type: "many2one", string: "Currency", relation: "res.currency",
      compute: (env, r) => fieldValue(env, "account.move", getRecord(env, "account.move", r.move_id as number)!, "currency_id"),
    },
    price_subtotal: { type: "monetary", string: "Subtotal", compute: (env, r) => linePrices(env, taxedLine(r), lineRounding(env, r)).subtotal },
    price_total: { type: "monetary", string: "Total", compute: (env, r) => linePrices(env, taxedLine(r), lineRounding(env, r)).total },
    sale_line_ids: { type: "many2many", string: "Sales Order Lines", relation: "sale.order.line", readonly: true },
    // sale_subscription: the subscription a line bills, also when its order line is gone.
    subscription_id: { type: "many2one", string: "Subscription", relation: "sale.order", ondelete: "set null" },
    // Service period of the line (account_accountant deferred dates, set by sale_subscription).
    deferred_start_date: { type: "date", string: "Start Date" },
    deferred_end_date: { type: "date", string: "End Date" },
  },
  displayName: (env, r) => {
    const move = getRecord(env, "account.move", r.move_id as number);
    return `${move?.name ?? ""} ${String(r.name || "")}`.trim();
  },
};

function lineRounding(env: Env, line: RawRecord): number {
  return currencyRounding(env, getRecord(env, "account.move", line.move_id as number)?.currency_id);
}
