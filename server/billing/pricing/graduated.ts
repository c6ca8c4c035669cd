import type Decimal from "decimal.js";
import type { GraduatedProperties } from "./charge-properties";
import { ExactDecimal } from "./exact-decimal";
import { rangeFloor, rangeReaches } from "./ranges";

/** One tier's share of the price, named after Lago's graduated `amount_details`. */
export interface GraduatedRangeDetails {
  fromValue: number;
  toValue: number | null;
  units: string;
  perUnitAmount: string;
  perUnitTotalAmount: string;
  flatUnitAmount: string;
  totalWithFlatAmount: string;
}

export interface GraduatedDetails {
  ranges: GraduatedRangeDetails[];
}

/**
 * Each tier prices only the units that fall inside it, and adds its flat amount once it
 * holds any unit. A tier holds (previous to_value, to_value] in either range form: with
 * [0,10],[10,∞) or [0,10],[11,∞), unit 10 stays in the first tier and 10.5 puts 0.5 in
 * the second (see rangeFloor).
 *
 * Follows lago-api `ChargeModels::GraduatedService` with
 * `ChargeModels::AmountDetails::RangeGraduatedService` as it was before
 * getlago/lago-api#5760 started charging the first tier's flat fee on zero usage: here
 * no usage costs nothing, which keeps usage within free_units free.
 */
export function priceGraduated(
  units: Decimal,
  { graduated_ranges }: GraduatedProperties,
): { amount: Decimal; details: GraduatedDetails } {
  const ranges: GraduatedRangeDetails[] = [];
  let amount = new ExactDecimal(0);
  for (const [index, range] of graduated_ranges.entries()) {
    const top = range.to_value === null ? units : ExactDecimal.min(units, range.to_value);
    const rangeUnits = top.minus(rangeFloor(graduated_ranges, index));
    const perUnitTotalAmount = rangeUnits.times(range.per_unit_amount);
    const flatUnitAmount = new ExactDecimal(rangeUnits.isZero() ? 0 : range.flat_amount);
    const totalWithFlatAmount = perUnitTotalAmount.plus(flatUnitAmount);
    amount = amount.plus(totalWithFlatAmount);
    ranges.push({
      fromValue: range.from_value,
      toValue: range.to_value,
      units: rangeUnits.toFixed(),
      perUnitAmount: range.per_unit_amount,
      perUnitTotalAmount: perUnitTotalAmount.toFixed(),
      flatUnitAmount: flatUnitAmount.toFixed(),
      totalWithFlatAmount: totalWithFlatAmount.toFixed(),
    });
    if (rangeReaches(range, units)) break;
  }
  return { amount, details: { ranges } };
}
