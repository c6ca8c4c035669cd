import type Decimal from "decimal.js";
import type { ChargeModel, ChargePropertiesByModel } from "./charge-properties";
import { toMinorUnits } from "./currency";
import { ExactDecimal, isDecimalString } from "./exact-decimal";
import { type GraduatedDetails, priceGraduated } from "./graduated";
import { type PackageDetails, pricePackage } from "./package";
import { type StandardDetails, priceStandard } from "./standard";
import { type VolumeDetails, priceVolume } from "./volume";

export interface ChargeDetailsByModel {
  standard: StandardDetails;
  graduated: GraduatedDetails;
  package: PackageDetails;
  volume: VolumeDetails;
}

type ChargeModelPricer<M extends ChargeModel> = (
  units: Decimal,
  properties: ChargePropertiesByModel[M],
) => { amount: Decimal; details: ChargeDetailsByModel[M] };

// A mapped type, so indexing it with a generic model keeps properties and details paired.
const chargeModelPricers: { [M in ChargeModel]: ChargeModelPricer<M> } = {
  standard: priceStandard,
  graduated: priceGraduated,
  package: pricePackage,
  volume: priceVolume,
};

export interface PriceChargeInput<M extends ChargeModel = ChargeModel> {
  chargeModel: M;
  /** Output of validateChargeProperties: priceCharge trusts it. */
  properties: ChargePropertiesByModel[M];
  /** Aggregated usage for the period, a non-negative decimal string. */
  units: string;
  currency: string;
}

export interface PricedCharge<M extends ChargeModel = ChargeModel> {
  /** Rounded half-up to the currency's minor unit. */
  amountCents: bigint;
  units: string;
  freeUnitsUsed: string;
  billableUnits: string;
  /** Full-precision amounts in major units, per model. */
  details: ChargeDetailsByModel[M];
}

/**
 * Prices one charge for a period's usage: free_units are used first, the charge model
 * prices the remaining billable units, and the amount is rounded to minor units.
 * Throws TypeError for malformed units or currency, which callers validate earlier.
 */
export function priceCharge<M extends ChargeModel>(input: PriceChargeInput<M>): PricedCharge<M> {
  const { chargeModel, properties, units, currency } = input;
  if (!isDecimalString(units)) throw new TypeError(`units must be a non-negative decimal string, got ${JSON.stringify(units)}`);
  const total = new ExactDecimal(units);
  const freeUnitsUsed = ExactDecimal.min(total, properties.free_units);
  const billableUnits = total.minus(freeUnitsUsed);
  const pricer: ChargeModelPricer<M> = chargeModelPricers[chargeModel];
  const { amount, details } = pricer(billableUnits, properties);
  return {
    amountCents: toMinorUnits(amount, currency),
    units: total.toFixed(),
    freeUnitsUsed: freeUnitsUsed.toFixed(),
    billableUnits: billableUnits.toFixed(),
    details,
  };
}
