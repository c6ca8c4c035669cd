import { type BillingPeriod, billingPeriodAt } from "~/server/billing/billing-period";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { computePeriodUsage, type PeriodUsage } from "./compute-period-usage";

export interface DailyEvents {
  day: Date;
  events: number;
}

/**
 * Usage of one subscription over the billing period containing `at` (clamped to the
 * subscription start): the priced charges exactly as current_usage computes them,
 * plus events per UTC day for the explorer's chart.
 */
export async function getSubscriptionUsage(options: { db: DbOrTx; subscriptionId: string; at?: Date }): Promise<PeriodUsage & { daily: DailyEvents[]; externalId: string }> {
  const { db } = options;
  const subscription = await db.subscription.findUnique({
    where: { id: options.subscriptionId },
    include: { plan: { include: { charges: { include: { billableMetric: true }, orderBy: { createdAt: "asc" } } } } },
  });
  if (!subscription) throw notFound("subscription");
  const at = options.at && options.at > subscription.subscriptionAt ? options.at : subscription.subscriptionAt;
  const period: BillingPeriod = billingPeriodAt({
    interval: subscription.plan.interval,
    billingTime: subscription.billingTime,
    subscriptionAt: subscription.subscriptionAt,
    at,
  });
  const [usage, daily] = await Promise.all([
    computePeriodUsage({ db, subscription, period }),
    db.$queryRaw<DailyEvents[]>`
      SELECT date_trunc('day', "timestamp" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day, count(*)::int AS events
      FROM usage_events
      WHERE subscription_id = ${subscription.id}::uuid AND "timestamp" >= ${period.start} AND "timestamp" < ${period.end}
      GROUP BY 1 ORDER BY 1`,
  ]);
  return { ...usage, daily, externalId: subscription.externalId };
}
