import { z } from "zod";
import type { BillableMetric } from "~/generated/prisma/client";
import { AggregationType } from "~/generated/prisma/enums";
import type { BillableMetricInput } from "~/server/catalog/billable-metric-input";
import { isoSeconds, optionalString, presentKeys, requiredString } from "./wire-common";

const metricFields = {
  name: requiredString(255),
  code: requiredString(255),
  description: optionalString(2000),
  // Lago's weighted_sum_agg and custom_agg are not supported by the hub: refused, not ignored.
  aggregation_type: z.enum(AggregationType, { error: "value_is_invalid" }),
  field_name: optionalString(255),
  recurring: z.boolean({ error: "value_is_invalid" }).optional(),
};

export const metricCreateSchema = z.object(metricFields);
export const metricUpdateSchema = z.object(metricFields).partial();

const NAMES = { name: "name", code: "code", description: "description", aggregation_type: "aggregationType", field_name: "fieldName", recurring: "recurring" } as const;

export const metricInputFromWire = (input: z.infer<typeof metricUpdateSchema>) =>
  presentKeys(input, NAMES) as Partial<BillableMetricInput>;

export function serializeBillableMetric(metric: BillableMetric) {
  return {
    lago_id: metric.id,
    name: metric.name,
    code: metric.code,
    description: metric.description,
    aggregation_type: metric.aggregationType,
    weighted_interval: null,
    recurring: metric.recurring,
    rounding_function: null,
    rounding_precision: null,
    created_at: isoSeconds(metric.createdAt),
    field_name: metric.fieldName,
    expression: null,
    filters: [],
  };
}
