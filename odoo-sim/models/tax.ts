/**
 * account.tax and the amounts Odoo computes with it (account/models/account_tax.py),
 * for what the simulator needs: percent taxes excluded from the price. A fresh database
 * has a 15 % sale tax that is the company's default and so every new product's, and the
 * company rounds taxes globally (`tax_calculation_rounding_method = round_globally`):
 * line taxes are summed unrounded, then rounded once.
 */
import { getRecord } from "../records";
import type { Env, ModelDef } from "./types";

export const taxModel: ModelDef = {
  name: "account.tax",
  description: "Tax",
  fields: {
    name: { type: "char", string: "Tax Name", required: true },
    amount: { type: "float", string: "Amount", required: true, default: () => 0 },
    amount_type: {
      type: "selection", string: "Tax Computation", required: true, default: () => "percent",
      selection: [["group", "Group of Taxes"], ["fixed", "Fixed"], ["percent", "Percentage"], ["division", "Percentage Tax Included"]],
    },
    type_tax_use: {
      type: "selection", string: "Tax Type", required: true, default: () => "sale",
      selection: [["sale", "Sales"], ["purchase", "Purchases"], ["none", "None"]],
    },
    price_include: { type: "boolean", string: "Included in Price", readonly: true, default: () => false },
    company_id: { type: "many2one", string: "Company", relation: "res.company", required: true, readonly: true, default: () => 1 },
    active: { type: "boolean", string: "Active", default: () => true },
  },
  displayName: (_env, r) => String(r.name),
};

/** tools/float_utils.py float_round (half-up, with Odoo's epsilon). */
export function floatRound(value: number, rounding: number): number {
  if (value === 0) return 0;
  const normalized = value / rounding;
  const nudged = normalized + Math.sign(normalized) * 2 ** (Math.log2(Math.abs(normalized)) - 52);
  const rounded = Math.sign(nudged) * Math.floor(Math.abs(nudged) + 0.5);
  const decimals = Math.max(0, Math.ceil(-Math.log10(rounding)));
  return Number((rounded * rounding).toFixed(decimals));
}

export const currencyRounding = (env: Env, currencyId: unknown) =>
  Number(getRecord(env, "res.currency", currencyId as number)?.rounding ?? 0.01) || 0.01;

/** Unrounded tax of one line: each percent tax on the untaxed subtotal. */
function lineTax(env: Env, subtotal: number, taxIds: number[]): number {
  return taxIds.reduce((sum, id) => {
    const tax = getRecord(env, "account.tax", id);
    return tax && tax.amount_type === "percent" ? sum + (subtotal * Number(tax.amount)) / 100 : sum;
  }, 0);
}

export interface TaxedLine {
  quantity: number;
  priceUnit: number;
  taxIds: number[];
}

export function linePrices(env: Env, line: TaxedLine, rounding: number): { subtotal: number; total: number } {
  const subtotal = floatRound(line.quantity * line.priceUnit, rounding);
  return { subtotal, total: floatRound(subtotal + lineTax(env, subtotal, line.taxIds), rounding) };
}

/** A document's untaxed, tax and total amounts, taxes rounded globally. */
export function documentAmounts(env: Env, lines: TaxedLine[], rounding: number): { untaxed: number; tax: number; total: number } {
  let untaxed = 0;
  let tax = 0;
  for (const line of lines) {
    const subtotal = floatRound(line.quantity * line.priceUnit, rounding);
    untaxed += subtotal;
    tax += lineTax(env, subtotal, line.taxIds);
  }
  const roundedTax = floatRound(tax, rounding);
  untaxed = floatRound(untaxed, rounding);
  return { untaxed, tax: roundedTax, total: floatRound(untaxed + roundedTax, rounding) };
}
