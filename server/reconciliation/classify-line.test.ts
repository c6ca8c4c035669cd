import { describe, expect, it } from "vitest";
import { classifyLine } from "./classify-line";
import type { LineStatus, SideTotal } from "./line-status";

const side = (amountCents: number, units: string | null = null): SideTotal => ({ units, amountCents: BigInt(amountCents), currency: "USD", raws: [] });

type Case = [name: string, lago: SideTotal | null, odoo: SideTotal | null, hub: SideTotal | null, tolerance: number, expected: LineStatus];

const CASES: Case[] = [
  ["all three agree", side(750, "25"), side(750), side(750, "25"), 0, "match"],
  ["units equal as decimals (10.0 vs 10)", side(500, "10.0"), side(500), side(500, "10"), 0, "match"],
  ["rounding within tolerance (+1)", side(751, "25"), side(750), side(750, "25"), 1, "match"],
  ["rounding within tolerance (-1)", side(749, "25"), side(750), side(750, "25"), 1, "match"],
  ["difference exactly at tolerance", side(755, "25"), side(750), side(750, "25"), 5, "match"],
  ["rounding over tolerance", side(752, "25"), side(750), side(750, "25"), 1, "amount_mismatch"],
  ["zero tolerance, one cent off", side(751, "25"), side(750), side(750, "25"), 0, "amount_mismatch"],
  ["units differ (and so do amounts)", side(800, "26"), side(750), side(750, "25"), 0, "units_mismatch"],
  ["units differ though amounts agree (quota absorbs it)", side(0, "8"), side(0), side(0, "9"), 0, "units_mismatch"],
  ["units differ, amounts within tolerance", side(750, "25.5"), side(750), side(750, "25"), 10, "units_mismatch"],
  ["no hub side: amounts only", side(750, "25"), side(750), null, 0, "match"],
  ["no hub side, Odoo units known and different", side(750, "25"), side(750, "24"), null, 0, "units_mismatch"],
  ["Lago without units: amounts only", side(750, null), side(750), side(750, "25"), 0, "match"],
  ["missing in Odoo", side(750, "25"), null, side(750, "25"), 0, "missing_in_odoo"],
  ["missing in Odoo even within tolerance", side(1, "1"), null, null, 5, "missing_in_odoo"],
  ["absent Odoo line for a zero fee is not a diff", side(0, "0"), null, side(0, "0"), 0, "match"],
  ["absent Odoo line for a zero fee, units differ", side(0, "3"), null, side(0, "4"), 0, "units_mismatch"],
  ["missing in Lago (Odoo billed)", null, side(750), side(750, "25"), 0, "missing_in_lago"],
  ["missing in Lago (only the hub computed money)", null, null, side(750, "25"), 0, "missing_in_lago"],
  ["missing in Lago beats tolerance", null, side(1), null, 100, "missing_in_lago"],
  ["hub-only zero usage is a match", null, null, side(0, "0"), 0, "match"],
  ["Odoo zero line, nothing in Lago", null, side(0), null, 0, "match"],
  ["Odoo refund makes a negative difference", side(750, "25"), side(-750), side(750, "25"), 0, "amount_mismatch"],
];

describe("classifyLine", () => {
  it.each(CASES)("%s", (_name, lago, odoo, hub, tolerance, expected) => {
    expect(classifyLine({ lago, odoo, hub, toleranceCents: BigInt(tolerance) })).toBe(expected);
  });
});
