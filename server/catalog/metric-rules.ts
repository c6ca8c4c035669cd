import type { AggregationType } from "~/generated/prisma/client";
import { type ErrorDetails, validationFailed } from "~/server/errors";

export interface MetricDefinition {
  aggregationType: AggregationType;
  fieldName: string | null;
  recurring: boolean;
}

// Lago: a recurring metric carries its value across periods, which only makes sense
// for additive or distinct-count aggregations.
const RECURRING_ALLOWED: ReadonlySet<AggregationType> = new Set(["sum_agg", "unique_count_agg"]);

/** Cross-field rules of a billable metric, as Lago enforces them. */
export function assertValidMetricDefinition(definition: MetricDefinition): void {
  const details: ErrorDetails = {};
  if (definition.aggregationType !== "count_agg" && !definition.fieldName) details.field_name = ["value_is_mandatory"];
  if (definition.recurring && !RECURRING_ALLOWED.has(definition.aggregationType)) details.recurring = ["not_compatible_with_aggregation_type"];
  if (Object.keys(details).length) throw validationFailed(details);
}
