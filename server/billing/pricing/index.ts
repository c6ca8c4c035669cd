export {
  CHARGE_MODELS,
  type Charge,
  type ChargeModel,
  type ChargeProperties,
  type ChargePropertiesByModel,
  type ChargeRange,
  type ChargeValidation,
  chargePropertiesSchemas,
  chargeSchema,
  type GraduatedProperties,
  type PackageProperties,
  type StandardProperties,
  type VolumeProperties,
  validateChargeProperties,
} from "./charge-properties";
export { currencyExponent, formatMinorUnits, formatMoney, formatMoneyAmount } from "./currency";
export type { GraduatedDetails, GraduatedRangeDetails } from "./graduated";
export type { PackageDetails } from "./package";
export { type ChargeDetailsByModel, type PriceChargeInput, type PricedCharge, priceCharge } from "./price-charge";
export type { StandardDetails } from "./standard";
export type { VolumeDetails } from "./volume";
