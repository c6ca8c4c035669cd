import type { Job, Prisma } from "~/generated/prisma/client";
import { formatMinorUnits } from "~/server/billing/pricing";
import type { Db } from "~/server/db/client";
import { isOdooError, type OdooClient, readSubscription, writeUsageLine } from "~/server/odoo";
import { computePeriodUsage } from "~/server/usage/compute-period-usage";
import { failJob, finishJob } from "~/server/jobs/settle-job";
import { odooDate } from "~/server/odoo/odoo-date";
import { usageLineDescription, usageLineName } from "~/server/odoo/usage-line-text";
import { ensureOdooSubscription, subscriptionForPush } from "./ensure-odoo-subscription";

/** A usage push job's own columns, which the table guarantees for its kind. */
type PushJob = Job & { subscriptionId: string; metricCode: string; periodStart: Date; periodEnd: Date };

function asPushJob(job: Job): PushJob {
  if (job.kind !== "usage_push" || !job.subscriptionId || !job.metricCode || !job.periodStart || !job.periodEnd) throw new Error(`job ${job.id} is not a usage push`);
  return job as PushJob;
}

export type JobResult =
  | { jobId: string; outcome: "written"; units: string; amountCents: string; changed: boolean }
  | { jobId: string; outcome: "finalized" }
  | { jobId: string; outcome: "failed" | "dead"; error: string };

/**
 * Pushes one claimed job. Before Odoo invoices the period, the charge's usage line gets
 * the period's amount (quantity 1 × the hub's price, so tiers and quotas price exactly)
 * and the units behind it in its text; it is rewritten on every run until the invoice
 * exists, then reset to zero because Odoo would otherwise bill the same qty_delivered
 * again next period.
 */
export async function pushUsageJob(options: { db: Db; odoo: OdooClient; job: Job; owner: string; maxAttempts: number; now: Date }): Promise<JobResult> {
  const { db, odoo, owner, now } = options;
  const finish = (state: "succeeded" | "dead" | "awaiting_invoice", data: Prisma.JobUpdateManyMutationInput) => finishJob({ db, job: options.job, owner, state, data });

  try {
    const job = asPushJob(options.job);
    const subscription = await db.subscription.findUniqueOrThrow({ where: { id: job.subscriptionId }, include: subscriptionForPush });
    const charge = subscription.plan.charges.find((c) => c.billableMetric.code === job.metricCode);
    if (!charge) throw new Error(`the plan no longer charges ${job.metricCode}`);
    const knownOrderId = job.odooOrderId ?? subscription.odooOrderId;
    // A job recorded dead before its order existed (Odoo lacked the plan's currency) and retried since.
    const order = knownOrderId === null ? (await ensureOdooSubscription({ db, odoo, subscription })).order : await readSubscription(odoo, knownOrderId);
    const invoiced = order.nextInvoiceDate !== null && order.nextInvoiceDate > odooDate(job.periodEnd);

    if (invoiced) {
      if (job.lastPushedAt === null || job.odooOrderLineId === null) {
        const error = `Odoo invoiced the period ending ${odooDate(job.periodEnd)} before its usage was pushed; bill it manually`;
        await finish("dead", { lastError: error });
        return { jobId: job.id, outcome: "dead", error };
      }
      // The line is shared across periods: once the next period has written it, leave it be.
      const newerWrite = await db.job.count({
        where: { subscriptionId: job.subscriptionId, metricCode: job.metricCode, periodStart: { gt: job.periodStart }, lastPushedAt: { not: null } },
      });
      if (!newerWrite) await writeUsageLine(odoo, { lineId: job.odooOrderLineId, quantity: 0, priceUnit: 0, name: usageLineName(charge.billableMetric) });
      await finish("succeeded", { lastError: null });
      return { jobId: job.id, outcome: "finalized" };
    }

    const { lineIdByMetricCode } = await ensureOdooSubscription({ db, odoo, subscription });
    const lineId = lineIdByMetricCode.get(job.metricCode)!;
    const usage = await computePeriodUsage({
      db,
      subscription: { ...subscription, plan: { ...subscription.plan, charges: [charge] } },
      period: { start: job.periodStart, end: job.periodEnd },
    });
    const [entry] = usage.charges;
    const amountCents = entry!.amountCents;
    const { changed } = await writeUsageLine(odoo, {
      lineId,
      quantity: amountCents > 0n ? 1 : 0,
      priceUnit: Number(formatMinorUnits(amountCents, usage.currency)),
      name: usageLineDescription({ metric: charge.billableMetric, period: usage.period, usage: entry! }),
    });
    await finish("awaiting_invoice", {
      units: entry!.units,
      amountCents,
      odooOrderId: order.id,
      odooOrderLineId: lineId,
      lastPushedAt: now,
      lastError: null,
      // Due again on the next run (claims compare against each run's own clock), not this one.
      nextRunAt: new Date(now.getTime() + 1),
    });
    return { jobId: job.id, outcome: "written", units: entry!.units, amountCents: amountCents.toString(), changed };
  } catch (error) {
    // Retrying cannot help until a person fixes Odoo: dead at once, retried from the console.
    const giveUp = isOdooError(error) && error.kind === "setup";
    // A job that already wrote keeps its place in the cycle: a later run rewrites or finalizes it.
    const { state, message } = await failJob({ db, job: options.job, owner, error, maxAttempts: options.maxAttempts, giveUp, now });
    return { jobId: options.job.id, outcome: state, error: message };
  }
}
