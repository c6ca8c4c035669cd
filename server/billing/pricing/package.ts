import type Decimal from "decimal.js";
import type { PackageProperties } from "./charge-properties";

export interface PackageDetails {
  packageCount: string;
}

/**
 * `amount` per started package of `package_size` units (lago-api
 * `ChargeModels::PackageService`): a package is paid from its first unit, hence the
 * ceiling, and no usage buys no package.
 */
export function pricePackage(
  units: Decimal,
  { amount, package_size }: PackageProperties,
): { amount: Decimal; details: PackageDetails } {
  const packageCount = units.dividedBy(package_size).ceil();
  return { amount: packageCount.times(amount), details: { packageCount: packageCount.toFixed() } };
}
