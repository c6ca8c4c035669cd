import type { ChargeModel, PlanInterval, Prisma } from "~/generated/prisma/client";

export interface ChargeInput {
  billableMetricId?: string;
  billableMetricCode?: string;
  chargeModel: ChargeModel;
  properties: unknown;
  invoiceDisplayName?: string | null;
}

export interface PlanInput {
  code: string;
  name: string;
  description?: string | null;
  interval: PlanInterval;
  amountCents: bigint;
  amountCurrency: string;
  payInAdvance?: boolean;
  charges?: ChargeInput[];
}

export const planWithCharges = { charges: { include: { billableMetric: true }, orderBy: { createdAt: "asc" } } } satisfies Prisma.PlanInclude;
export type PlanWithCharges = Prisma.PlanGetPayload<{ include: typeof planWithCharges }>;
