import type Decimal from "decimal.js";
import type { StandardProperties } from "./charge-properties";

export type StandardDetails = Record<string, never>;

/** Every unit costs `amount` (lago-api `ChargeModels::StandardService`). */
export function priceStandard(units: Decimal, { amount }: StandardProperties): { amount: Decimal; details: StandardDetails } {
  return { amount: units.times(amount), details: {} };
}
