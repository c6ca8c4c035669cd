import { type BillingPeriod, billingPeriodAt } from "~/server/billing/billing-period";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { computePeriodUsage, type PeriodUsage } from "./compute-period-usage";
import { type DailyUnits, getDailyUnits } from "./get-daily-units";

export interface MetricDailyUnits {
  metricCode: string;
  metricName: string;
  aggregationType: string;
  days: DailyUnits[];
}

/**
 * Usage of one subscription over the billing period containing `at` (clamped to the
 * subscription start): the priced charges exactly as current_usage computes them,
 * plus each metric's units per UTC day for the explorer's charts.
 */
export async function getSubscriptionUsage(options: { db: DbOrTx; subscriptionId: string; at?: Date; now?: Date }): Promise<PeriodUsage & { daily: MetricDailyUnits[]; externalId: string }> {
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
  const until = new Date(Math.max(period.start.getTime() + 1, Math.min(period.end.getTime(), (options.now ?? new Date()).getTime())));
  const [usage, daily] = await Promise.all([
    computePeriodUsage({ db, subscription, period }),
    Promise.all(subscription.plan.charges.map(async ({ billableMetric: metric }) => ({
      metricCode: metric.code,
      metricName: metric.name,
      aggregationType: metric.aggregationType,
      days: await getDailyUnits({ db, subscriptionId: subscription.id, code: metric.code, aggregationType: metric.aggregationType, fieldName: metric.fieldName, from: period.start, to: period.end, until }),
    }))),
  ]);
  return { ...usage, daily, externalId: subscription.externalId };
}
