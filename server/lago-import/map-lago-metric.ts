import { AggregationType } from "~/generated/prisma/enums";
import type { BillableMetricInput } from "~/server/catalog/billable-metric-input";
import { catalogFields } from "./catalog-fields";
import type { ImportIssue } from "./import-issue";
import type { LagoMetric } from "./lago-wire";

/**
 * A Lago billable metric as the hub's metric input, plus what the hub cannot carry over.
 * An unsupported aggregation (weighted_sum_agg, custom_agg) skips the metric — and so
 * every charge on it; filters, rounding and expressions are dropped and reported.
 */
export function mapLagoMetric(metric: LagoMetric): { input: BillableMetricInput | null; issues: ImportIssue[] } {
  const issue = (feature: string, detail: string, action: string): ImportIssue => ({ resource: "billable_metrics", id: metric.code, feature, detail, action });
  if (!(Object.values(AggregationType) as string[]).includes(metric.aggregation_type)) {
    return { input: null, issues: [issue("aggregation_type", `aggregation ${metric.aggregation_type} is not supported`, "skipped (with its charges)")] };
  }
  const issues: ImportIssue[] = [];
  if (metric.filters?.length) issues.push(issue("metric_filters", `${metric.filters.length} filter(s): ${JSON.stringify(metric.filters).slice(0, 200)}`, "imported without filters"));
  if (metric.rounding_function) issues.push(issue("rounding", `rounding_function ${metric.rounding_function}`, "imported without rounding"));
  if (metric.expression) issues.push(issue("expression", `expression ${metric.expression}`, "imported without the expression"));
  return {
    input: {
      ...catalogFields(metric),
      aggregationType: metric.aggregation_type as AggregationType,
      // Lago forces field_name to null for count_agg; the hub's rules expect the same.
      fieldName: metric.aggregation_type === "count_agg" ? null : metric.field_name,
      recurring: metric.recurring,
    },
    issues,
  };
}
