import type { Db } from "~/server/db/client";
import { billingPeriodAt } from "~/server/billing/billing-period";
import { isOdooError, type OdooClient } from "~/server/odoo";
import { logger } from "~/server/lib/logger";
import { odooDate } from "~/server/odoo/odoo-date";
import { adjustLateUsage } from "./adjust-late-usage";
import { planOfPeriod } from "~/server/subscriptions/plan-of-period";
import { alignOrder, hasFeeLine, usageLineIds } from "./align-order";
import { syncPartner } from "./sync-partner";
import { creditUnusedDays } from "./credit-unused-days";
import { decideClosingPeriod } from "./closing-period";
import { ensureOdooSubscription, type SubscriptionForPush, subscriptionForPush } from "./ensure-odoo-subscription";
import { type PushSnapshot, readPushSnapshot } from "./push-snapshot";
import { BILLED_BY_LAGO } from "./billed-by-lago";

export interface PlanningOutcome {
  subscription: string;
  decision: string;
  detail?: string;
  jobsCreated?: number;
  /** Something ops must act on although planning went ahead (Odoo's payment gate). */
  warning?: string;
}

// Subscriptions still able to owe usage: live ones, and ended ones whose last period Odoo may not have invoiced.
const ENDED_LOOKBACK_MS = 400 * 86_400_000;
// How far back invoice lines can still decide something: a job open since then, or the longest plan period.
const INVOICED_LOOKBACK_MS = 400 * 86_400_000;

/**
 * Plans one job per (subscription, closing period, metric) for every Odoo order whose
 * next invoice falls within the lead window, each job carrying its Odoo line. Orders are
 * read in batches (readPushSnapshot); only a subscription missing something in Odoo costs
 * calls of its own (ensureOdooSubscription). Jobs are unique on their key, so planning
 * twice creates nothing new. Returns the snapshot for the jobs of the same run.
 */
export async function planUsageJobs(options: { db: Db; odoo: OdooClient; now: Date; leadHours: number }): Promise<{ outcomes: PlanningOutcome[]; snapshot: PushSnapshot; invoicedSince: string }> {
  const { db, odoo, now } = options;
  const all = await db.subscription.findMany({
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
  const oldestOpenJob = await db.job.findFirst({ where: { kind: "usage_push", state: { notIn: ["succeeded", "dead"] } }, orderBy: { periodStart: "asc" }, select: { periodStart: true } });
  const invoicedSince = odooDate(new Date(Math.min(now.getTime() - INVOICED_LOOKBACK_MS, oldestOpenJob?.periodStart?.getTime() ?? Infinity)));

  const outcomes: PlanningOutcome[] = [];
  const label = (subscription: SubscriptionForPush) => `${subscription.service.code}/${subscription.externalId}`;
  // A shadow service is billed by Lago: Odoo gets no order to confirm, so nothing is planned, read or created for it.
  const subscriptions = all.filter((subscription) => subscription.service.billingMode !== "shadow");
  for (const subscription of all) {
    if (subscription.service.billingMode === "shadow") outcomes.push({ subscription: label(subscription), decision: "shadow", detail: BILLED_BY_LAGO });
  }
  const failed = async (subscription: SubscriptionForPush, error: unknown) => {
    // One subscription's Odoo trouble must not stop the others being planned.
    const detail = error instanceof Error ? error.message : String(error);
    if (isOdooError(error) && error.kind === "setup") {
      // Nothing can be pushed until Odoo is fixed: said where ops look, as dead jobs.
      outcomes.push({ subscription: label(subscription), decision: "dead", detail, jobsCreated: await recordSetupFailure({ db, subscription, now, error: detail }) });
    } else outcomes.push({ subscription: label(subscription), decision: "error", detail });
  };

  let snapshot: PushSnapshot;
  try {
    snapshot = await readPushSnapshot(odoo, subscriptions.flatMap((s) => (s.odooOrderId === null ? [] : [s.odooOrderId])), invoicedSince);
  } catch (error) {
    // Odoo down or refusing the batched read: nothing can be planned this run; the jobs already due retry on their own.
    for (const subscription of subscriptions) await failed(subscription, error);
    return { outcomes, snapshot: new Map(), invoicedSince };
  }
  const ready: SubscriptionForPush[] = [];
  for (const subscription of subscriptions) {
    const entry = subscription.odooOrderId === null ? undefined : snapshot.get(subscription.odooOrderId);
    if (entry && usageLineIds(subscription.plan, entry).size === subscription.plan.charges.length && hasFeeLine(subscription, entry)) {
      ready.push(subscription);
      continue;
    }
    try {
      // New in Odoo, a charge added to the plan since, or another plan: create what is missing, then read it.
      const { order } = await ensureOdooSubscription({ db, odoo, subscription });
      for (const [id, fresh] of await readPushSnapshot(odoo, [order.id], invoicedSince)) snapshot.set(id, fresh);
      ready.push(await db.subscription.findUniqueOrThrow({ where: { id: subscription.id }, include: subscriptionForPush }));
    } catch (error) {
      await failed(subscription, error);
    }
  }

  // Which order lines are a plan's fee (the subscription's former plans' included), so a plan change hands the fee over.
  const productsOnOrders = [...new Set([...snapshot.values()].flatMap((entry) => [...entry.lines.values()].flatMap((line) => (line.productId === null ? [] : [line.productId]))))];
  const planFeeProducts = new Set(
    (await db.plan.findMany({ where: { odooProductId: { in: productsOnOrders } }, select: { odooProductId: true } })).map((p) => p.odooProductId!),
  );
  for (const subscription of ready) {
    try {
      const entry = snapshot.get(subscription.odooOrderId!)!;
      const aligned = await alignOrder({ odoo, subscription, entry, planFeeProducts, now });
      const partner = await syncPartner({ db, odoo, subscription });
      const credit = await creditUnusedDays({ db, odoo, subscription, entry });
      if (credit) logger().info({ subscription: label(subscription), odooCreditNote: credit.creditNoteId, amountCents: credit.amountCents.toString() }, "unused prepaid days credited");
      const warning = [aligned.warning, partner.warning].filter((text) => text !== null).join("; ") || null;
      if (warning) logger().warn({ subscription: label(subscription), odooOrder: entry.order.name }, warning);
      const { order } = entry;
      // Late usage of invoiced periods rides on the next invoice of a running order.
      const adjustments = order.subscriptionState === "3_progress" ? await adjustLateUsage({ db, odoo, subscription, entry }) : 0;
      if (adjustments) logger().info({ subscription: label(subscription), odooOrder: order.name, adjustments }, "late usage written for the next invoice");
      if (order.subscriptionState !== "3_progress" || !order.nextInvoiceDate) {
        outcomes.push({ subscription: label(subscription), decision: "skipped", detail: `Odoo order ${order.name} is ${order.subscriptionState ?? "not a subscription"}` });
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
        outcomes.push({ subscription: label(subscription), decision: decision.reason, detail: decision.detail, ...(warning ? { warning } : {}) });
        continue;
      }
      // The closing period's own plan's charges: a change just after its end leaves it on the old one.
      const periodPlan = planOfPeriod(subscription, decision.period);
      const lineIds = usageLineIds(periodPlan, entry);
      const created = await db.job.createMany({
        data: periodPlan.charges.map((charge) => ({
          subscriptionId: subscription.id,
          metricCode: charge.billableMetric.code,
          periodStart: decision.period.start,
          periodEnd: decision.period.end,
          odooOrderId: order.id,
          odooOrderLineId: lineIds.get(charge.billableMetric.code)!,
          // Due at this run's clock, so the same run pushes it.
          nextRunAt: now,
        })),
        skipDuplicates: true,
      });
      outcomes.push({ subscription: label(subscription), decision: "planned", jobsCreated: created.count, ...(warning ? { warning } : {}) });
    } catch (error) {
      await failed(subscription, error);
    }
  }
  return { outcomes, snapshot, invoicedSince };
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
