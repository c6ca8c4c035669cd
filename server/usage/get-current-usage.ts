import { billingPeriodAt } from "~/server/billing/billing-period";
import type { DbOrTx } from "~/server/db/client";
import { notAllowed } from "~/server/errors";
import { findCustomer } from "~/server/identity/find-customer";
import { effectiveStatus } from "~/server/subscriptions/effective-status";
import { computePeriodUsage, type PeriodUsage, type SubscriptionForUsage } from "./compute-period-usage";

/** Lago's current_usage: the open period of an active subscription, so far. */
export async function getCurrentUsage(options: {
  db: DbOrTx;
  serviceId: string;
  externalCustomerId: string;
  externalSubscriptionId: string;
  now?: Date;
}): Promise<PeriodUsage & { subscription: SubscriptionForUsage }> {
  const now = options.now ?? new Date();
  // Side by side: the customer check only decides which error a miss is (one round trip less).
  const [, subscription] = await Promise.all([
    findCustomer({ db: options.db, serviceId: options.serviceId, externalId: options.externalCustomerId }),
    options.db.subscription.findFirst({
      where: { serviceId: options.serviceId, externalId: options.externalSubscriptionId, accountLink: { serviceId: options.serviceId, externalId: options.externalCustomerId } },
      include: { plan: { include: { charges: { include: { billableMetric: true }, orderBy: { createdAt: "asc" } } } } },
    }),
  ]);
  if (!subscription || effectiveStatus(subscription, now) !== "active") throw notAllowed("no_active_subscription");
  const period = billingPeriodAt({
    interval: subscription.plan.interval,
    billingTime: subscription.billingTime,
    subscriptionAt: subscription.subscriptionAt,
    at: now,
  });
  return { ...(await computePeriodUsage({ db: options.db, subscription, period })), subscription };
}
