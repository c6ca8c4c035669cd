import Decimal from "decimal.js";
import type { LineStatus, SideTotal } from "./line-status";

const absolute = (value: bigint) => (value < 0n ? -value : value);
const isZero = (side: SideTotal | null) => side === null || side.amountCents === 0n;

/**
 * Classifies one (customer, charge) across the three sides. Lago is the reference and
 * Odoo the system under test; the hub's own computation supplies the units Odoo cannot
 * (the usage push writes quantity 1 × the period's amount).
 *
 * Order matters, most explanatory first:
 * 1. A side with no entry is "missing" only when the other side billed money: Odoo
 *    leaves zero-quantity lines off its invoices, so an absent zero is not a diff.
 * 2. Units differ (exact decimal comparison) → units_mismatch, even if amounts differ
 *    too: different usage is the cause, the amount only its consequence.
 * 3. Amounts differ by more than `toleranceCents` → amount_mismatch (rounding within
 *    the tolerance is a match).
 */
export function classifyLine(input: {
  lago: SideTotal | null;
  odoo: SideTotal | null;
  hub: SideTotal | null;
  toleranceCents: bigint;
}): LineStatus {
  const { lago, odoo, hub, toleranceCents } = input;
  if (lago === null) return isZero(odoo) && isZero(hub) ? "match" : "missing_in_lago";
  if (odoo === null && lago.amountCents !== 0n) return "missing_in_odoo";

  const referenceUnits = hub?.units ?? odoo?.units ?? null;
  if (lago.units !== null && referenceUnits !== null && !new Decimal(lago.units).equals(referenceUnits)) return "units_mismatch";

  const difference = lago.amountCents - (odoo?.amountCents ?? 0n);
  return absolute(difference) > toleranceCents ? "amount_mismatch" : "match";
}
