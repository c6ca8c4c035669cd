import type { ChargeRange } from "./charge-properties";

/** A graduated or volume range in Lago's wire shape, for the pricing tests. */
export const range = (from: number, to: number | null, perUnit: string, flat: string): ChargeRange => ({
  from_value: from,
  to_value: to,
  per_unit_amount: perUnit,
  flat_amount: flat,
});
