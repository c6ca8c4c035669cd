import type { Db } from "~/server/db/client";
import { billingPeriodAt } from "~/server/billing/billing-period";
import { isOdooError, type OdooClient } from "~/server/odoo";
import { decideClosingPeriod } from "./closing-period";
import { ensureOdooSubscription, type SubscriptionForPush, subscriptionForPush } from "./ensure-odoo-subscription";

export interface PlanningOutcome {
  subscription: string;
  decision: string;
  detail?: string;
  jobsCreated?: number;
}

// Subscriptions still able to owe usage: live ones, and ended ones whose last period Odoo may not have invoiced.
const ENDED_LOOKBACK_MS = 400 * 86_400_000;

/**
 * Plans one job per (subscription, closing period, metric) for every Odoo order whose
 * next invoice falls within the lead window. Jobs are unique on that key, so planning
 * twice creates nothing new.
 */
export async function planUsageJobs(options: { db: Db; odoo: OdooClient; now: Date; leadHours: number }): Promise<PlanningOutcome[]> {
  const { db, odoo, now } = options;
  const subscriptions = await db.subscription.findMany({
    where: {
      OR: [
        { status: "active" },
        { status: "pending", subscriptionAt: { lte: now } },
        { status: "terminated", terminatedAt: { gte: new Date(now.getTime() - ENDED_LOOKBACK_MS) } },
      ],
    },
    include: subscriptionForPush,
    orderBy: { createdAt: "asc" },
  });

  const outcomes: PlanningOutcome[] = [];
  for (const subscription of subscriptions) {
    const label = `${subscription.service.code}/${subscription.externalId}`;
    try {
      const { order } = await ensureOdooSubscription({ db, odoo, subscription });
      if (order.subscriptionState !== "3_progress" || !order.nextInvoiceDate) {
        outcomes.push({ subscription: label, decision: "skipped", detail: `Odoo order ${order.name} is ${order.subscriptionState ?? "not a subscription"}` });
        continue;
      }
      const decision = decideClosingPeriod({
        interval: subscription.plan.interval,
        billingTime: subscription.billingTime,
        subscriptionAt: subscription.subscriptionAt,
        terminatedAt: subscription.terminatedAt,
        nextInvoiceDate: order.nextInvoiceDate,
        now,
        leadHours: options.leadHours,
      });
      if (!decision.push) {
        outcomes.push({ subscription: label, decision: decision.reason, detail: decision.detail });
        continue;
      }
      const created = await db.job.createMany({
        data: subscription.plan.charges.map((charge) => ({
          subscriptionId: subscription.id,
          metricCode: charge.billableMetric.code,
          periodStart: decision.period.start,
          periodEnd: decision.period.end,
          odooOrderId: order.id,
          // Due at this run's clock, so the same run pushes it.
          nextRunAt: now,
        })),
        skipDuplicates: true,
      });
      outcomes.push({ subscription: label, decision: "planned", jobsCreated: created.count });
    } catch (error) {
      // One subscription's Odoo trouble must not stop the others being planned.
      const detail = error instanceof Error ? error.message : String(error);
      if (isOdooError(error) && error.kind === "setup") {
        // Nothing can be pushed until Odoo is fixed: said where ops look, as dead jobs.
        const jobsCreated = await recordSetupFailure({ db, subscription, now, error: detail });
        outcomes.push({ subscription: label, decision: "dead", detail, jobsCreated });
        continue;
      }
      outcomes.push({ subscription: label, decision: "error", detail });
    }
  }
  return outcomes;
}

/**
 * One dead job per charge for the period the next push is for (the first period while
 * Odoo has no order, the latest job's until it succeeded, then the next), carrying Odoo's setup
 * problem, so the Jobs screen shows it and its Retry pushes once Odoo is fixed. Unique
 * per period: planning again leaves them as they are.
 */
async function recordSetupFailure(options: { db: Db; subscription: SubscriptionForPush; now: Date; error: string }): Promise<number> {
  const { db, subscription, now } = options;
  if (now < subscription.subscriptionAt) return 0;
  const latest = await db.job.findFirst({ where: { subscriptionId: subscription.id }, orderBy: { periodStart: "desc" } });
  const period = billingPeriodAt({
    interval: subscription.plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt,
    at: !latest?.periodStart || !latest.periodEnd ? subscription.subscriptionAt : latest.state === "succeeded" ? latest.periodEnd : latest.periodStart,
  });
  const created = await db.job.createMany({
    data: subscription.plan.charges.map((charge) => ({
      subscriptionId: subscription.id, metricCode: charge.billableMetric.code, periodStart: period.start, periodEnd: period.end,
      state: "dead" as const, attempts: 1, lastError: options.error.slice(0, 4000), nextRunAt: now,
    })),
    skipDuplicates: true,
  });
  return created.count;
}
