import Decimal from "decimal.js";
import { type ChargeModel, formatMinorUnits, priceCharge, validateChargeProperties } from "~/server/billing/pricing";
import { isDecimalString } from "~/server/billing/pricing/exact-decimal";

/** Starting properties per model, so staff edit a valid example rather than a blank. */
export const PROPERTY_TEMPLATES: Record<ChargeModel, unknown> = {
  standard: { amount: "0.10", free_units: "0" },
  package: { amount: "5", package_size: 1000, free_units: "0" },
  graduated: { graduated_ranges: [
    { from_value: 0, to_value: 1000, per_unit_amount: "0.05", flat_amount: "0" },
    { from_value: 1000, to_value: null, per_unit_amount: "0.03", flat_amount: "0" },
  ] },
  volume: { volume_ranges: [
    { from_value: 0, to_value: 1000, per_unit_amount: "0.05", flat_amount: "0" },
    { from_value: 1000, to_value: null, per_unit_amount: "0.03", flat_amount: "0" },
  ] },
};

export type ChargeCheck =
  | { ok: true; properties: unknown; preview: string | null }
  | { ok: false; errors: string[] };

/**
 * Live validation and price preview in the browser, with the very functions the server
 * prices with (pricing is pure), so the preview cannot disagree with an invoice.
 */
export function checkCharge(model: ChargeModel, propertiesJson: string, units: string, currency: string): ChargeCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(propertiesJson);
  } catch {
    return { ok: false, errors: ["properties: not valid JSON"] };
  }
  const validation = validateChargeProperties(model, raw);
  if (!validation.ok) return { ok: false, errors: Object.entries(validation.errors).map(([field, codes]) => `${field}: ${codes.join(", ")}`) };
  if (!isDecimalString(units) || !/^[A-Z]{3}$/.test(currency)) return { ok: true, properties: validation.properties, preview: null };
  const priced = priceCharge({ chargeModel: validation.chargeModel, properties: validation.properties, units, currency });
  const shown = new Decimal(units).toNumber().toLocaleString("en-US", { maximumFractionDigits: 20 });
  return { ok: true, properties: validation.properties, preview: `${shown} units → ${formatMinorUnits(priced.amountCents, currency)} ${currency}` };
}
