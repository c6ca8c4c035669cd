import Decimal from "decimal.js";
import { z } from "zod";
import { isDecimalString } from "./exact-decimal";
import { rangesAreContiguous } from "./ranges";

export const CHARGE_MODELS = ["standard", "graduated", "package", "volume"] as const;
export type ChargeModel = (typeof CHARGE_MODELS)[number];

/** Lago's per-field error codes (lago-api `Charges::Validators::*`). */
type ErrorCode =
  | "invalid_amount"
  | "invalid_free_units"
  | "invalid_package_size"
  | "invalid_graduated_ranges"
  | "invalid_volume_ranges"
  | "invalid_format";
type RangesErrorCode = "invalid_graduated_ranges" | "invalid_volume_ranges";

const RANGES_ERROR_CODES: ReadonlySet<string> = new Set<RangesErrorCode>([
  "invalid_graduated_ranges",
  "invalid_volume_ranges",
]);

// Every issue message is a Lago code, so turning issues into error details is a lookup.
const mandatoryOr = (code: ErrorCode) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "value_is_mandatory" : code;

/** Lago takes amounts as strings or JSON numbers; both become a canonical decimal string. */
function toDecimalString(input: unknown): string | null {
  if (typeof input === "number") {
    // Decimal spells out what String() would write as "1e+21"; abs() folds -0 into 0.
    return Number.isFinite(input) && input >= 0 ? new Decimal(input).abs().toFixed() : null;
  }
  if (typeof input !== "string") return null;
  const trimmed = input.trim();
  return isDecimalString(trimmed) ? trimmed : null;
}

const decimalString = (code: ErrorCode) =>
  z.unknown().transform((input, ctx) => {
    const value = toDecimalString(input);
    if (value !== null) return value;
    ctx.issues.push({ code: "custom", message: mandatoryOr(code)({ input }), input });
    return z.NEVER;
  });

/** The hub's quota: usage up to `free_units` is free and the charge model prices the rest. */
const freeUnits = decimalString("invalid_free_units").default("0");

const rangeBound = (code: RangesErrorCode) => z.int({ error: code }).min(0, { error: code });

const rangeSchema = (code: RangesErrorCode) =>
  z.object(
    {
      from_value: rangeBound(code),
      // Lago reads a missing to_value as nil, i.e. an open last range.
      to_value: rangeBound(code).nullable().default(null),
      per_unit_amount: decimalString("invalid_amount"),
      flat_amount: decimalString("invalid_amount"),
    },
    { error: code },
  );

export type ChargeRange = z.output<ReturnType<typeof rangeSchema>>;

const rangesSchema = (code: RangesErrorCode) =>
  z.array(rangeSchema(code), { error: mandatoryOr(code) }).refine(rangesAreContiguous, { error: code });

const propertiesObject = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
  z.object(shape, { error: mandatoryOr("invalid_format") });

export const chargePropertiesSchemas = {
  standard: propertiesObject({ amount: decimalString("invalid_amount"), free_units: freeUnits }),
  graduated: propertiesObject({
    graduated_ranges: rangesSchema("invalid_graduated_ranges"),
    free_units: freeUnits,
  }),
  package: propertiesObject({
    amount: decimalString("invalid_amount"),
    package_size: z.int({ error: mandatoryOr("invalid_package_size") }).min(1, { error: "invalid_package_size" }),
    free_units: freeUnits,
  }),
  volume: propertiesObject({ volume_ranges: rangesSchema("invalid_volume_ranges"), free_units: freeUnits }),
} satisfies Record<ChargeModel, z.ZodType>;

/** A charge on the wire, `{ charge_model, properties }`; unknown property keys are dropped as Lago does. */
export const chargeSchema = z.discriminatedUnion(
  "charge_model",
  [
    z.object({ charge_model: z.literal("standard"), properties: chargePropertiesSchemas.standard }),
    z.object({ charge_model: z.literal("graduated"), properties: chargePropertiesSchemas.graduated }),
    z.object({ charge_model: z.literal("package"), properties: chargePropertiesSchemas.package }),
    z.object({ charge_model: z.literal("volume"), properties: chargePropertiesSchemas.volume }),
  ],
  { error: "value_is_invalid" },
);

export type Charge = z.output<typeof chargeSchema>;
export type ChargePropertiesByModel = { [M in ChargeModel]: z.output<(typeof chargePropertiesSchemas)[M]> };
export type ChargeProperties = ChargePropertiesByModel[ChargeModel];
export type StandardProperties = ChargePropertiesByModel["standard"];
export type GraduatedProperties = ChargePropertiesByModel["graduated"];
export type PackageProperties = ChargePropertiesByModel["package"];
export type VolumeProperties = ChargePropertiesByModel["volume"];

export type ChargeValidation =
  | { ok: true; chargeModel: ChargeModel; properties: ChargeProperties }
  | { ok: false; errors: Record<string, string[]> };

/**
 * Validates and normalises a charge's properties. Errors map field paths to Lago codes,
 * e.g. `{ "properties.amount": ["invalid_amount"] }`; an unknown model is reported on
 * `charge_model`.
 */
export function validateChargeProperties(model: string, raw: unknown): ChargeValidation {
  const parsed = chargeSchema.safeParse({ charge_model: model, properties: raw });
  if (parsed.success) {
    return { ok: true, chargeModel: parsed.data.charge_model, properties: parsed.data.properties };
  }
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    // Like Lago, a bad bound is an error of the whole ranges list, not of one range.
    const path = RANGES_ERROR_CODES.has(issue.message) ? issue.path.slice(0, 2) : issue.path;
    const codes = (errors[path.join(".")] ??= []);
    if (!codes.includes(issue.message)) codes.push(issue.message);
  }
  return { ok: false, errors };
}
