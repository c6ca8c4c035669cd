import Decimal from "decimal.js";
import { classifyLine } from "./classify-line";
import type { DiffLine, Side, SideEntry, SideTotal } from "./line-status";

const keyOf = (entry: SideEntry) => JSON.stringify([entry.serviceCode, entry.customerKey, entry.chargeKey]);

/** Several entries of one key (two subscriptions on one metric, an invoice and a credit) add up. */
function addEntry(total: SideTotal | undefined, entry: SideEntry): SideTotal {
  if (!total) return { units: entry.units, amountCents: entry.amountCents, currency: entry.currency, raws: [entry.raw] };
  const units = total.units === null ? entry.units : entry.units === null ? total.units : new Decimal(total.units).plus(entry.units).toFixed();
  return { units, amountCents: total.amountCents + entry.amountCents, currency: total.currency ?? entry.currency, raws: [...total.raws, entry.raw] };
}

/**
 * Pure diff of one period: groups each side's entries by (service, customer, charge),
 * sums them, and classifies every key seen on any side. Lines come back sorted so a run
 * stores them in a stable order.
 */
export function diffEntries(input: Record<Side, SideEntry[]> & { toleranceCents: bigint }): DiffLine[] {
  const groups = new Map<string, { head: SideEntry; sides: Partial<Record<Side, SideTotal>> }>();
  for (const side of ["lago", "odoo", "hub"] as const) {
    for (const entry of input[side]) {
      const key = keyOf(entry);
      const group = groups.get(key) ?? { head: entry, sides: {} };
      group.sides[side] = addEntry(group.sides[side], entry);
      groups.set(key, group);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { head, sides }]) => {
      const lago = sides.lago ?? null;
      const odoo = sides.odoo ?? null;
      const hub = sides.hub ?? null;
      return {
        serviceCode: head.serviceCode,
        customerKey: head.customerKey,
        chargeKey: head.chargeKey,
        status: classifyLine({ lago, odoo, hub, toleranceCents: input.toleranceCents }),
        lago,
        odoo,
        hub,
        amountDiffCents: (lago?.amountCents ?? 0n) - (odoo?.amountCents ?? 0n),
      };
    });
}
