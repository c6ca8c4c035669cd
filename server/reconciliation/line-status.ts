/**
 * The vocabulary of a reconciliation line and the shape each side (Lago, Odoo, the hub)
 * is reduced to before diffing. Money is integer minor units; units are decimal strings.
 */
export const LINE_STATUSES = ["match", "amount_mismatch", "units_mismatch", "missing_in_lago", "missing_in_odoo"] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export const SIDES = ["lago", "odoo", "hub"] as const;
export type Side = (typeof SIDES)[number];

/** One fee / invoice line / computed charge, already mapped to a customer and a charge. */
export interface SideEntry {
  serviceCode: string;
  customerKey: string;
  /** The billable metric code: the one identifier all three sides share; a plan's subscription fee is feeChargeKey(plan code). */
  chargeKey: string;
  /** Null when the side does not know units (Odoo lines carry quantity 1 × the amount). */
  units: string | null;
  amountCents: bigint;
  currency: string | null;
  raw: unknown;
}

/**
 * The key of a plan's subscription fee (Lago's `subscription` fee, Odoo's fee line), so
 * fees are compared like charges; a colon never appears in a Lago code.
 */
export const feeChargeKey = (planCode: string) => `plan:${planCode}`;

/** A side's entries for one (service, customer, charge), summed. */
export interface SideTotal {
  units: string | null;
  amountCents: bigint;
  currency: string | null;
  raws: unknown[];
}

export interface DiffLine {
  serviceCode: string;
  customerKey: string;
  chargeKey: string;
  status: LineStatus;
  lago: SideTotal | null;
  odoo: SideTotal | null;
  hub: SideTotal | null;
  /** Lago minus Odoo (an absent side counts as zero). */
  amountDiffCents: bigint;
}
