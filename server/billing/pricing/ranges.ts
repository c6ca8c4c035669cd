import type Decimal from "decimal.js";
import { ExactDecimal } from "./exact-decimal";

/** The bounds graduated and volume ranges share; both schemas produce integers. */
export interface RangeBounds {
  from_value: number;
  to_value: number | null;
}

/**
 * Lago writes contiguous ranges in two forms, told apart by the step between a range's
 * to_value and the next from_value:
 * - 0, "adjacent": [0,10],[10,∞) — each range starts where the previous one ends;
 * - 1, "standard": [0,10],[11,∞) — the next range starts one unit later, the form
 *   Lago's UI and most API users send.
 * lago-api `Validators::RangeBoundsValidator#valid_bounds?`
 * (app/services/validators/range_bounds_validator.rb) accepts both steps.
 */
const FORM_STEPS: ReadonlySet<number> = new Set([0, 1]);

/**
 * Valid ranges start at 0, close every range but the last above its from_value, leave
 * the last one open, and step from one range to the next in a single form (lago-api
 * app/services/charges/validators/graduated_service.rb and volume_service.rb with
 * range_bounds_validator.rb).
 *
 * Where this is stricter than Lago, Lago would misprice what it accepts:
 * - mixed forms, e.g. [0,10],[10,20],[21,∞): Lago validates each step on its own, but
 *   `ChargeModels::GraduatedService#adjacent_ranges?` only prices adjacently when every
 *   step is adjacent, so the [10,20] tier gets `units - from + 1` and unit 10 is billed
 *   in two tiers;
 * - a step of 2 on volume ranges, e.g. [0,10],[12,∞), which volume_service.rb lets
 *   through by adding 1 to next_from_value before the validator adds its own, and for
 *   which `ChargeModels::VolumeService#matching_range` then finds no range at 10.5;
 * - a first range from 1, which the same `from == next_from + 1` lets through and whose
 *   adjacent-form tier Lago then counts from 1, e.g. 9 units in [1,10],[10,∞) at 10.
 * Lago's volume validator refuses the adjacent form; the hub has always accepted it.
 */
export function rangesAreContiguous(ranges: readonly RangeBounds[]): boolean {
  const last = ranges.length - 1;
  const boundsAreValid = ranges.every((range, index) =>
    index === last ? range.to_value === null : range.to_value !== null && range.to_value > range.from_value,
  );
  if (!boundsAreValid || ranges[0]?.from_value !== 0) return false;
  // Every to_value but the last is set by now; `?? 0` only satisfies the type checker.
  const steps = new Set(ranges.slice(1).map((range, index) => range.from_value - (ranges[index]?.to_value ?? 0)));
  return steps.size <= 1 && [...steps].every((step) => FORM_STEPS.has(step));
}

/**
 * The usage a range counts units above: the previous range's to_value, 0 for the first.
 * Valid ranges of either form hold (previous to_value, to_value], so one rule prices
 * both: Lago's standard-form `effective_total - from_value + 1` and adjacent-form
 * `effective_total - from_value` (lago-api
 * app/services/charge_models/amount_details/range_graduated_service.rb `#units`) are
 * both `effective_total - previous to_value`, and a first range from 0 counts from 0.
 */
export function rangeFloor(ranges: readonly RangeBounds[], index: number): Decimal {
  return new ExactDecimal(ranges[index - 1]?.to_value ?? 0);
}

/**
 * Whether usage ends inside or below this range, i.e. later ranges hold none of it.
 * The first valid range reaching a total also starts at or below its ceiling (its
 * from_value is at most the previous to_value + 1 and that to_value is below the total),
 * so this alone finds Lago's `VolumeService#matching_range`
 * (app/services/charge_models/volume_service.rb): with [0,10],[11,∞), 10 is in the
 * first range and 10.5 in the second.
 */
export function rangeReaches(range: RangeBounds, units: Decimal): boolean {
  return range.to_value === null || units.lessThanOrEqualTo(range.to_value);
}
