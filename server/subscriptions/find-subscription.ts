import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { type SubscriptionWithRelations, subscriptionWithRelations } from "./subscription-input";

export async function findSubscription(options: { db: DbOrTx; serviceId: string; externalId: string }): Promise<SubscriptionWithRelations> {
  const subscription = await options.db.subscription.findUnique({
    where: { serviceId_externalId: { serviceId: options.serviceId, externalId: options.externalId } },
    include: subscriptionWithRelations,
  });
  if (!subscription) throw notFound("subscription");
  return subscription;
}
