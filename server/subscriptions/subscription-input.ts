import type { BillingTime, Prisma, SubscriptionStatus } from "~/generated/prisma/client";
import { planWithCharges } from "~/server/catalog/plan-input";

/** The plan a downgrade waits to move to and the one the last change left: Lago's next_plan_code and previous_plan_code. */
const planChangeCodes = { nextPlan: { select: { code: true } }, previousPlan: { select: { code: true } } } satisfies Prisma.SubscriptionInclude;

export const subscriptionWithRelations = { plan: true, accountLink: true, ...planChangeCodes } satisfies Prisma.SubscriptionInclude;
export type SubscriptionWithRelations = Prisma.SubscriptionGetPayload<{ include: typeof subscriptionWithRelations }>;

/** With the plan's charges and their metrics: what an invoice's fees and webhooks name. */
export const subscriptionWithPlanCharges = { accountLink: true, plan: { include: planWithCharges }, ...planChangeCodes } satisfies Prisma.SubscriptionInclude;
export type SubscriptionWithPlanCharges = Prisma.SubscriptionGetPayload<{ include: typeof subscriptionWithPlanCharges }>;

export interface SubscriptionInput {
  externalCustomerId: string;
  planCode: string;
  externalId: string;
  name?: string | null;
  billingTime?: BillingTime;
  subscriptionAt?: Date;
  endingAt?: Date | null;
}

/** Statuses of a subscription that has not ended. */
export const LIVE_STATUSES: SubscriptionStatus[] = ["active", "pending"];
