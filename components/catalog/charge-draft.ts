import { errorSentence } from "~/lib/error-sentences";
import { type ChargeModel, type ChargeProperties, type PricedCharge, priceCharge, validateChargeProperties } from "~/server/billing/pricing";
import { isDecimalString } from "~/server/billing/pricing/exact-decimal";

/**
 * A charge as the plan form edits it: plain strings per field (what the inputs hold),
 * turned into Lago's `properties` and checked field by field, with the pricing module's
 * own validation and pricing for the live preview (pricing is pure, so the preview is
 * what the invoice will say).
 */
export interface TierDraft {
  key: number;
  from: string;
  /** Empty on the last tier: it has no upper bound. */
  to: string;
  perUnit: string;
  flat: string;
}

export interface ChargeDraft {
  key: number;
  billableMetricCode: string;
  chargeModel: ChargeModel;
  amount: string;
  packageSize: string;
  freeUnits: string;
  tiers: TierDraft[];
  previewUnits: string;
}

export type TierField = "from" | "to" | "perUnit" | "flat";

export interface ChargeCheck {
  /** Field → sentence: amount, packageSize, freeUnits, tiers (the list as a whole), previewUnits. */
  errors: Record<string, string>;
  /** Per tier, field → sentence. */
  tierErrors: Array<Partial<Record<TierField, string>>>;
  /** Set when the charge is valid: what the server will store. */
  properties: ChargeProperties | null;
  /** Set when valid and the preview units are a number. */
  priced: PricedCharge | null;
}

let nextKey = 1;
const key = () => nextKey++;

const tieredModel = (model: ChargeModel): model is "graduated" | "volume" => model === "graduated" || model === "volume";
const WHOLE = /^\d+$/;

const DEFAULT_TIERS = (): TierDraft[] => [
  { key: key(), from: "0", to: "1000", perUnit: "0.05", flat: "0" },
  { key: key(), from: "1000", to: "", perUnit: "0.03", flat: "0" },
];

export function newChargeDraft(billableMetricCode: string, chargeModel: ChargeModel = "standard"): ChargeDraft {
  return {
    key: key(), billableMetricCode, chargeModel,
    amount: chargeModel === "package" ? "5" : "0.10", packageSize: "1000", freeUnits: "0",
    tiers: DEFAULT_TIERS(), previewUnits: "1250",
  };
}

/** The draft of a stored charge (properties as validated by the pricing module). */
export function draftFromCharge(billableMetricCode: string, chargeModel: ChargeModel, properties: unknown): ChargeDraft {
  const draft = newChargeDraft(billableMetricCode, chargeModel);
  const stored = (properties ?? {}) as Record<string, unknown>;
  const text = (value: unknown, fallback: string) => (value === undefined || value === null ? fallback : String(value));
  const ranges = (stored.graduated_ranges ?? stored.volume_ranges) as Array<Record<string, unknown>> | undefined;
  return {
    ...draft,
    amount: text(stored.amount, draft.amount),
    packageSize: text(stored.package_size, draft.packageSize),
    freeUnits: text(stored.free_units, "0"),
    tiers: ranges?.length
      ? ranges.map((range) => ({ key: key(), from: text(range.from_value, "0"), to: text(range.to_value, ""), perUnit: text(range.per_unit_amount, "0"), flat: text(range.flat_amount, "0") }))
      : draft.tiers,
  };
}

/** The step between a tier's To and the next From this draft uses: 0 ([0,10],[10,∞)) or 1 ([0,10],[11,∞)). */
export function tierStep(tiers: readonly TierDraft[]): 0 | 1 {
  const [first, second] = tiers;
  return first && second && Number(second.from) === Number(first.to) + 1 ? 1 : 0;
}

/** Adds a tier after the last: the last gets an upper bound, the new one opens after it. */
export function addTier(tiers: readonly TierDraft[]): TierDraft[] {
  const last = tiers.at(-1);
  if (!last) return DEFAULT_TIERS();
  const step = tierStep(tiers);
  const from = WHOLE.test(last.from) ? Number(last.from) : 0;
  const to = from + 1000;
  return [...tiers.slice(0, -1), { ...last, to: String(to) }, { key: key(), from: String(to + step), to: "", perUnit: last.perUnit, flat: "0" }];
}

/** Removes a tier; the one after it starts where the removed one started, and the last stays open. */
export function removeTier(tiers: readonly TierDraft[], index: number): TierDraft[] {
  if (tiers.length <= 1) return [...tiers];
  const removed = tiers[index]!;
  const rest = tiers.filter((_, position) => position !== index);
  if (index < rest.length) rest[index] = { ...rest[index]!, from: removed.from };
  const lastIndex = rest.length - 1;
  rest[lastIndex] = { ...rest[lastIndex]!, to: "" };
  return rest;
}

/** Sets a tier's To and moves the next tier's From with it, keeping the draft's step. */
export function setTierTo(tiers: readonly TierDraft[], index: number, to: string): TierDraft[] {
  const step = tierStep(tiers);
  return tiers.map((tier, position) => {
    if (position === index) return { ...tier, to };
    if (position === index + 1 && WHOLE.test(to)) return { ...tier, from: String(Number(to) + step) };
    return tier;
  });
}

function checkTiers(tiers: readonly TierDraft[]): { tierErrors: ChargeCheck["tierErrors"]; listError: string | null } {
  const tierErrors = tiers.map(() => ({}) as Partial<Record<TierField, string>>);
  if (!tiers.length) return { tierErrors, listError: "Add at least one tier." };
  const steps = new Set<number>();
  tiers.forEach((tier, index) => {
    const errors = tierErrors[index]!;
    const last = index === tiers.length - 1;
    const previous = tiers[index - 1];
    if (!WHOLE.test(tier.from)) errors.from = "A whole number of units, 0 or more.";
    else if (index === 0 && tier.from !== "0") errors.from = "The first tier starts at 0.";
    else if (previous && WHOLE.test(previous.to)) {
      const step = Number(tier.from) - Number(previous.to);
      if (step !== 0 && step !== 1) errors.from = `Start where the tier above ends: ${previous.to} or ${Number(previous.to) + 1}.`;
      else steps.add(step);
    }
    if (last) {
      if (tier.to.trim() !== "") errors.to = "The last tier has no upper limit: leave it empty.";
    } else if (!WHOLE.test(tier.to)) errors.to = "A whole number of units, above From.";
    else if (WHOLE.test(tier.from) && Number(tier.to) <= Number(tier.from)) errors.to = `Must be above From (${tier.from}).`;
    if (!isDecimalString(tier.perUnit.trim())) errors.perUnit = errorSentence("invalid_amount");
    if (!isDecimalString(tier.flat.trim())) errors.flat = errorSentence("invalid_amount");
  });
  // Lago prices [0,10],[10,20],[21,∞) with unit 10 in two tiers: one form per charge.
  const listError = steps.size > 1 ? "Use one form for every tier: each starts at the To above it, or each at To + 1." : null;
  return { tierErrors, listError };
}

/** Lago's `properties` for the draft: numbers where Lago takes integers, decimal strings for amounts. */
export function draftProperties(draft: ChargeDraft): Record<string, unknown> {
  const integer = (value: string) => (WHOLE.test(value.trim()) ? Number(value.trim()) : value);
  const freeUnits = draft.freeUnits.trim() || "0";
  switch (draft.chargeModel) {
    case "standard":
      return { amount: draft.amount.trim(), free_units: freeUnits };
    case "package":
      return { amount: draft.amount.trim(), package_size: integer(draft.packageSize), free_units: freeUnits };
    case "graduated":
    case "volume":
      return {
        [`${draft.chargeModel}_ranges`]: draft.tiers.map((tier, index) => ({
          from_value: integer(tier.from),
          to_value: index === draft.tiers.length - 1 && !tier.to.trim() ? null : integer(tier.to),
          per_unit_amount: tier.perUnit.trim(),
          flat_amount: tier.flat.trim(),
        })),
        free_units: freeUnits,
      };
  }
}

const PROPERTY_FIELDS: Readonly<Record<string, string>> = {
  amount: "amount", package_size: "packageSize", free_units: "freeUnits", graduated_ranges: "tiers", volume_ranges: "tiers",
};

/** Maps the pricing module's (or the server's) error paths under `properties` onto the draft's fields. */
export function propertyFieldOf(path: string): string {
  const [root] = path.replace(/^properties\.?/, "").split(".");
  return PROPERTY_FIELDS[root ?? ""] ?? "properties";
}

export function checkChargeDraft(draft: ChargeDraft, currency: string): ChargeCheck {
  const errors: Record<string, string> = {};
  let tierErrors: ChargeCheck["tierErrors"] = [];
  if (tieredModel(draft.chargeModel)) {
    const tiers = checkTiers(draft.tiers);
    tierErrors = tiers.tierErrors;
    if (tiers.listError) errors.tiers = tiers.listError;
  } else if (!isDecimalString(draft.amount.trim())) errors.amount = errorSentence("invalid_amount");
  if (draft.chargeModel === "package" && !(WHOLE.test(draft.packageSize.trim()) && Number(draft.packageSize) >= 1)) errors.packageSize = errorSentence("invalid_package_size");
  if (draft.freeUnits.trim() && !isDecimalString(draft.freeUnits.trim())) errors.freeUnits = errorSentence("invalid_free_units");
  const fieldsOk = !Object.keys(errors).length && tierErrors.every((tier) => !Object.keys(tier).length);

  // The pricing module has the last word: whatever it still refuses lands on its field.
  const validation = validateChargeProperties(draft.chargeModel, draftProperties(draft));
  if (!validation.ok) {
    if (fieldsOk) for (const [path, codes] of Object.entries(validation.errors)) errors[propertyFieldOf(path)] ??= codes.map((code) => errorSentence(code, path)).join(" ");
    return { errors, tierErrors, properties: null, priced: null };
  }
  if (!fieldsOk) return { errors, tierErrors, properties: null, priced: null };
  const units = draft.previewUnits.trim();
  if (units && !isDecimalString(units)) errors.previewUnits = "A number of units, e.g. 1250.";
  const priced = isDecimalString(units) && /^[A-Z]{3}$/.test(currency)
    ? priceCharge({ chargeModel: validation.chargeModel, properties: validation.properties, units, currency })
    : null;
  return { errors, tierErrors, properties: validation.properties, priced };
}
