import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { effectiveStatus } from "./effective-status";
import { LIVE_STATUSES, type SubscriptionWithRelations, subscriptionWithRelations } from "./subscription-input";

/** Lago's DELETE /subscriptions/{external_id}: terminates an active one, cancels a pending one. */
export async function terminateSubscription(options: {
  db: DbOrTx;
  serviceId: string;
  externalId: string;
  now?: Date;
}): Promise<SubscriptionWithRelations> {
  const now = options.now ?? new Date();
  const subscription = await options.db.subscription.findUnique({
    where: { serviceId_externalId: { serviceId: options.serviceId, externalId: options.externalId } },
  });
  if (!subscription || !LIVE_STATUSES.includes(subscription.status)) throw notFound("subscription");
  const data: Prisma.SubscriptionUpdateInput =
    effectiveStatus(subscription, now) === "pending"
      ? { status: "canceled", canceledAt: now }
      : { status: "terminated", terminatedAt: subscription.endingAt && subscription.endingAt < now ? subscription.endingAt : now };
  return options.db.subscription.update({ where: { id: subscription.id }, data, include: subscriptionWithRelations });
}
