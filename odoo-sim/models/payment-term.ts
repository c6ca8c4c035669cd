/**
 * account.payment.term and its lines (account/models/account_payment_term.py): what dates
 * an invoice's invoice_date_due from its invoice_payment_term_id.
 */
import { addDays, addPeriod } from "../dates";
import { validationError } from "../errors";
import { children, getRecord } from "../records";
import type { Env, ModelDef, RawRecord } from "./types";

const num = (v: unknown) => (typeof v === "number" ? v : 0);

function endOfMonth(date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** AccountPaymentTermLine._get_due_date. */
export function lineDueDate(line: RawRecord, dateRef: string): string {
  const days = num(line.nb_days);
  switch (line.delay_type) {
    case "days_after_end_of_month":
      return addDays(endOfMonth(dateRef), days);
    case "days_after_end_of_next_month":
      return addDays(endOfMonth(addPeriod(dateRef, 1, "month")), days);
    case "days_end_of_month_on_the": {
      const day = Number.parseInt(String(line.days_next_month), 10);
      const shifted = addDays(dateRef, days);
      if (day === 0) return endOfMonth(shifted);
      // relativedelta(months=1, day=N): the next month, its day N clamped to the month's end.
      const [y, m] = addPeriod(shifted, 1, "month").split("-") as [string, string];
      const wanted = `${y}-${m}-${String(Number.isNaN(day) ? 1 : day).padStart(2, "0")}`;
      return wanted > endOfMonth(`${y}-${m}-01`) ? endOfMonth(`${y}-${m}-01`) : wanted;
    }
    default:
      return addDays(dateRef, days);
  }
}

/**
 * AccountMove._compute_invoice_date_due through _compute_needed_terms: the latest due
 * date of the term's lines from the invoice's date; null when the invoice has no term.
 */
export function termDueDate(env: Env, termId: unknown, dateRef: string): string | null {
  const term = typeof termId === "number" ? getRecord(env, "account.payment.term", termId) : undefined;
  if (!term) return null;
  const dates = children(env, "account.payment.term", "line_ids", term).map((line) => lineDueDate(line, dateRef));
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
}

export const paymentTermModel: ModelDef = {
  name: "account.payment.term",
  description: "Payment Terms",
  order: "sequence, id",
  fields: {
    name: { type: "char", string: "Payment Terms", required: true },
    active: { type: "boolean", string: "Active", default: () => true },
    line_ids: { type: "one2many", string: "Terms", relation: "account.payment.term.line", inverse: "payment_id" },
    company_id: { type: "many2one", string: "Company", relation: "res.company" },
    sequence: { type: "integer", string: "Sequence", required: true, default: () => 10 },
    early_discount: { type: "boolean", string: "Early Discount", default: () => false },
    discount_percentage: { type: "float", string: "Discount %", default: () => 2 },
    discount_days: { type: "integer", string: "Discount Days", default: () => 10 },
  },
  displayName: (_env, r) => String(r.name),
  // AccountPaymentTerm._check_lines: the percent lines make 100%.
  afterCreate: (env, r) => {
    const percent = children(env, "account.payment.term", "line_ids", r).filter((l) => l.value === "percent").reduce((sum, l) => sum + num(l.value_amount), 0);
    if (Math.round(percent * 1e6) !== 100e6) throw validationError("The Payment Term must have at least one percent line and the sum of the percent must be 100%.");
  },
};

export const paymentTermLineModel: ModelDef = {
  name: "account.payment.term.line",
  description: "Payment Terms Line",
  order: "id",
  fields: {
    value: { type: "selection", string: "Value", required: true, default: () => "percent", selection: [["percent", "Percent"], ["fixed", "Fixed"]] },
    value_amount: { type: "float", string: "Due" },
    delay_type: {
      type: "selection", string: "Delay Type", required: true, default: () => "days_after",
      selection: [
        ["days_after", "Days after invoice date"], ["days_after_end_of_month", "Days after end of month"],
        ["days_after_end_of_next_month", "Days after end of next month"], ["days_end_of_month_on_the", "Days end of month on the"],
      ],
    },
    days_next_month: { type: "char", string: "Days on the next month", default: () => "10" },
    nb_days: { type: "integer", string: "Days" },
    payment_id: { type: "many2one", string: "Payment Terms", relation: "account.payment.term", required: true, ondelete: "cascade" },
  },
  displayName: (_env, r) => `Payment Terms Line #${r.id}`,
};

/** account/data/account_data.xml: the terms a fresh database ships (noupdate). */
export const SHIPPED_PAYMENT_TERMS: Array<{ name: string; lines: Array<Record<string, unknown>>; early_discount?: boolean; discount_percentage?: number; discount_days?: number }> = [
  { name: "Immediate Payment", lines: [{ value_amount: 100, nb_days: 0 }] },
  { name: "15 Days", lines: [{ value_amount: 100, nb_days: 15 }] },
  { name: "21 Days", lines: [{ value_amount: 100, nb_days: 21 }] },
  { name: "30 Days", lines: [{ value_amount: 100, nb_days: 30 }] },
  { name: "45 Days", lines: [{ value_amount: 100, nb_days: 45 }] },
  { name: "End of Following Month", lines: [{ value_amount: 100, delay_type: "days_after_end_of_next_month", nb_days: 0 }] },
  { name: "10 Days after End of Next Month", lines: [{ value_amount: 100, delay_type: "days_after_end_of_next_month", nb_days: 10 }] },
  { name: "30% Now, Balance 60 Days", lines: [{ value_amount: 30, nb_days: 0 }, { value_amount: 70, nb_days: 60 }] },
  { name: "2/7 Net 30", lines: [{ value_amount: 100, nb_days: 30 }], early_discount: true, discount_percentage: 2, discount_days: 7 },
  { name: "90 days, on the 10th", lines: [{ value_amount: 100, delay_type: "days_end_of_month_on_the", nb_days: 90, days_next_month: "10" }] },
];
