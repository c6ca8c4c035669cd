import type Decimal from "decimal.js";
import type { VolumeProperties } from "./charge-properties";
import { ExactDecimal } from "./exact-decimal";
import { rangeReaches } from "./ranges";

export interface VolumeDetails {
  fromValue: number;
  toValue: number | null;
  perUnitAmount: string;
  perUnitTotalAmount: string;
  flatUnitAmount: string;
}

/**
 * Every unit costs the per_unit_amount of the range holding the total, plus that
 * range's flat amount (lago-api `ChargeModels::VolumeService`). A boundary value belongs
 * to the range it closes, in either range form: 10 is in [0,10], 10.5 in [10,∞) or
 * [11,∞) (see rangeReaches).
 *
 * No usage costs nothing, as in Lago before getlago/lago-api#5760 made zero usage pay
 * the first range's flat fee; this keeps usage within free_units free.
 */
export function priceVolume(units: Decimal, { volume_ranges }: VolumeProperties): { amount: Decimal; details: VolumeDetails } {
  const range = volume_ranges.find((candidate) => rangeReaches(candidate, units));
  if (!range) throw new RangeError("volume_ranges must end with an open range; validate properties first");
  const perUnitTotalAmount = units.times(range.per_unit_amount);
  const flatUnitAmount = new ExactDecimal(units.isZero() ? 0 : range.flat_amount);
  return {
    amount: perUnitTotalAmount.plus(flatUnitAmount),
    details: {
      fromValue: range.from_value,
      toValue: range.to_value,
      perUnitAmount: range.per_unit_amount,
      perUnitTotalAmount: perUnitTotalAmount.toFixed(),
      flatUnitAmount: flatUnitAmount.toFixed(),
    },
  };
}
