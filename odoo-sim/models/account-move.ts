/** account.move / account.move.line: the invoices the recurring run creates. */
import { userError } from "../errors";
import { children, getRecord, nextSequence } from "../records";
import type { Env, ModelDef, RawRecord } from "./types";

const num = (v: unknown) => (typeof v === "number" ? v : 0);
const total = (env: Env, r: RawRecord) =>
  children(env, "account.move", "invoice_line_ids", r).reduce((s, l) => s + num(l.quantity) * num(l.price_unit), 0);

export const PAYMENT_STATES = [
  ["not_paid", "Not Paid"],
  ["in_payment", "In Payment"],
  ["paid", "Paid"],
  ["partial", "Partially Paid"],
  ["reversed", "Reversed"],
  ["blocked", "Blocked"],
  ["invoicing_legacy", "Invoicing App Legacy"],
] as const;

/** Posting assigns the sequence name, e.g. INV/2025/00001 (account/models/sequence_mixin.py). */
export function postMove(env: Env, move: RawRecord): void {
  if (move.state !== "draft") throw userError("Only draft journal entries can be posted.");
  move.invoice_date ||= env.today;
  const year = String(move.invoice_date).slice(0, 4);
  const prefix = move.move_type === "out_refund" ? "RINV" : move.move_type === "out_invoice" ? "INV" : "MISC";
  move.name = `${prefix}/${year}/${String(nextSequence(env, `${prefix}/${year}`)).padStart(5, "0")}`;
  move.state = "posted";
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
      selection: [
        ["entry", "Journal Entry"], ["out_invoice", "Customer Invoice"], ["out_refund", "Customer Credit Note"],
        ["in_invoice", "Vendor Bill"], ["in_refund", "Vendor Credit Note"],
      ],
      default: () => "entry",
    },
    partner_id: { type: "many2one", string: "Partner", relation: "res.partner", ondelete: "restrict" },
    invoice_origin: { type: "char", string: "Origin" },
    invoice_date: { type: "date", string: "Invoice/Bill Date" },
    invoice_date_due: { type: "date", string: "Due Date" },
    state: {
      type: "selection",
      string: "Status",
      selection: [["draft", "Draft"], ["posted", "Posted"], ["cancel", "Cancelled"]],
      default: () => "draft",
    },
    payment_state: { type: "selection", string: "Payment Status", selection: PAYMENT_STATES, default: () => "not_paid" },
    currency_id: { type: "many2one", string: "Currency", relation: "res.currency", default: () => 1 },
    invoice_line_ids: { type: "one2many", string: "Invoice lines", relation: "account.move.line", inverse: "move_id" },
    amount_untaxed: { type: "monetary", string: "Untaxed Amount", compute: total },
    amount_total: { type: "monetary", string: "Total", compute: total },
    amount_residual: {
      type: "monetary",
      string: "Amount Due",
      compute: (env, r) => (["paid", "in_payment", "reversed"].includes(String(r.payment_state)) ? 0 : total(env, r)),
    },
  },
  displayName: (_env, r) => (r.name && r.name !== "/" ? String(r.name) : `Draft Invoice (* ${r.id})`),
  beforeUnlink: (_env, r) => {
    // account/models/account_move.py _unlink_forbid_parts_of_chain / posted entries
    if (r.state === "posted") throw userError("You cannot delete an entry which has been posted once.");
  },
  methods: {
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
    move_id: { type: "many2one", string: "Journal Entry", relation: "account.move", required: true, ondelete: "cascade" },
    product_id: { type: "many2one", string: "Product", relation: "product.product", ondelete: "restrict" },
    name: { type: "char", string: "Label" },
    quantity: { type: "float", string: "Quantity", default: () => 1 },
    price_unit: { type: "float", string: "Unit Price", default: () => 0 },
    price_subtotal: { type: "monetary", string: "Subtotal", compute: (_env, r) => num(r.quantity) * num(r.price_unit) },
    sale_line_ids: { type: "many2many", string: "Sales Order Lines", relation: "sale.order.line" },
    // Service period of the line (account_accountant deferred dates, set by sale_subscription).
    deferred_start_date: { type: "date", string: "Start Date" },
    deferred_end_date: { type: "date", string: "End Date" },
  },
  displayName: (env, r) => {
    const move = getRecord(env, "account.move", r.move_id as number);
    return `${move?.name ?? ""} ${String(r.name || "")}`.trim();
  },
};
