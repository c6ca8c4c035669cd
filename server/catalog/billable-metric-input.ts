import type { AggregationType } from "~/generated/prisma/client";

/** A billable metric as the console, the Lago API and the Lago import give it. */
export interface BillableMetricInput {
  code: string;
  name: string;
  description?: string | null;
  aggregationType: AggregationType;
  fieldName?: string | null;
  recurring?: boolean;
}
