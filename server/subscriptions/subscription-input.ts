import type { BillingTime, Prisma, SubscriptionStatus } from "~/generated/prisma/client";

export const subscriptionWithRelations = { plan: true, accountLink: true } satisfies Prisma.SubscriptionInclude;
export type SubscriptionWithRelations = Prisma.SubscriptionGetPayload<{ include: typeof subscriptionWithRelations }>;

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
