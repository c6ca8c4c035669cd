import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { planOfPeriod } from "~/server/subscriptions/plan-of-period";
import { computePeriodUsage } from "~/server/usage/compute-period-usage";
import type { SideEntry } from "./line-status";
import { listPeriodsInWindow } from "./list-periods-in-window";

const planCharges = { include: { charges: { include: { billableMetric: true } } } } satisfies Prisma.PlanDefaultArgs;
const subscriptionInclude = {
  service: { select: { code: true } },
  accountLink: { select: { externalId: true } },
  plan: planCharges,
  previousPlan: planCharges,
} satisfies Prisma.SubscriptionInclude;

/**
 * The hub side: what the hub itself computes (aggregation → charge model → fee) for every
 * charge of every subscription period starting in [from, to). Computed afresh rather
 * than read from the usage push's Job rows, so subscriptions never pushed still count.
 */
export async function collectHubEntries(options: { db: DbOrTx; from: Date; to: Date; serviceIds: string[] | null }): Promise<SideEntry[]> {
  const { db, from, to } = options;
  const subscriptions = await db.subscription.findMany({
    where: {
      status: { not: "canceled" },
      subscriptionAt: { lt: to },
      OR: [{ terminatedAt: null }, { terminatedAt: { gt: from } }],
      ...(options.serviceIds ? { serviceId: { in: options.serviceIds } } : {}),
    },
    include: subscriptionInclude,
    orderBy: { id: "asc" },
  });
  const entries: SideEntry[] = [];
  for (const subscription of subscriptions) {
    const periods = listPeriodsInWindow({ ...subscription, interval: subscription.plan.interval, from, to });
    for (const period of periods) {
      // Each period on the plan it ran on, as the push bills it.
      const usage = await computePeriodUsage({ db, subscription: { ...subscription, plan: planOfPeriod(subscription, period) }, period });
      for (const charge of usage.charges) {
        entries.push({
          serviceCode: subscription.service.code,
          customerKey: subscription.accountLink.externalId,
          chargeKey: charge.charge.billableMetric.code,
          units: charge.units,
          amountCents: charge.amountCents,
          currency: usage.currency,
          raw: {
            subscription: subscription.externalId,
            period: { start: period.start.toISOString(), end: period.end.toISOString() },
            units: charge.units,
            billableUnits: charge.billableUnits,
            eventsCount: charge.eventsCount,
            amountCents: charge.amountCents.toString(),
            chargeModel: charge.charge.chargeModel,
            properties: charge.charge.properties,
          },
        });
      }
    }
  }
  return entries;
}
