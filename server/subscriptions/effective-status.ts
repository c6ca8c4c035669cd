import type { SubscriptionStatus } from "~/generated/prisma/client";

/** A pending subscription whose start has passed is active; one past its end date is over. */
export function effectiveStatus(subscription: { status: SubscriptionStatus; subscriptionAt: Date; endingAt: Date | null }, now: Date): SubscriptionStatus {
  if (subscription.status === "pending" && subscription.subscriptionAt <= now) return "active";
  if (subscription.status === "active" && subscription.endingAt && subscription.endingAt <= now) return "terminated";
  return subscription.status;
}
