import Decimal from "decimal.js";

/**
 * decimal.js rounds every result to 20 significant digits by default, which silently
 * drops fractions of a cent once unit counts get large. Pricing only adds, multiplies
 * and takes package ceilings, so a generous precision keeps it exact, as Lago's
 * BigDecimal is. A clone leaves the global Decimal settings to the rest of the app.
 */
export const ExactDecimal = Decimal.clone({ precision: 1_000 });

// No sign and no exponent: "1e3" must not slip through as 1000, nor "-0" as zero.
const DECIMAL_STRING = /^\d+(\.\d+)?$/;

export function isDecimalString(value: string): boolean {
  return DECIMAL_STRING.test(value);
}
