import type { Job, Prisma } from "~/generated/prisma/client";
import { formatMinorUnits } from "~/server/billing/pricing";
import type { Db } from "~/server/db/client";
import { isOdooError, type OdooClient, writeUsageLine } from "~/server/odoo";
import { computePeriodUsage } from "~/server/usage/compute-period-usage";
import { failJob, finishJob } from "~/server/jobs/settle-job";
import { odooDate } from "~/server/odoo/odoo-date";
import { periodStartOfUsageLine, usageLineDescription, usageLineName } from "~/server/odoo/usage-line-text";
import { planOfPeriod } from "~/server/subscriptions/plan-of-period";
import { usageLineIds } from "./align-order";
import { BILLED_BY_LAGO } from "./billed-by-lago";
import { ensureOdooSubscription, subscriptionForPush } from "./ensure-odoo-subscription";
import { invoicedAmountCents, invoicedOn, lastOdooDayOf } from "./line-billing";
import { noteLineWrite, type PushSnapshot, readPushSnapshot } from "./push-snapshot";

/** A usage push job's own columns, which the table guarantees for its kind. */
type PushJob = Job & { subscriptionId: string; metricCode: string; periodStart: Date; periodEnd: Date };

function asPushJob(job: Job): PushJob {
  if (job.kind !== "usage_push" || !job.subscriptionId || !job.metricCode || !job.periodStart || !job.periodEnd) throw new Error(`job ${job.id} is not a usage push`);
  return job as PushJob;
}

export type JobResult =
  | { jobId: string; outcome: "written"; units: string; amountCents: string; changed: boolean }
  | { jobId: string; outcome: "finalized" }
  | { jobId: string; outcome: "waiting"; detail: string }
  | { jobId: string; outcome: "failed" | "dead"; error: string };

/**
 * Pushes one claimed job, reading Odoo through the run's snapshot (a job outside it
 * reads its own order). Before Odoo invoices the period, the charge's usage line gets
 * the period's amount (quantity 1 × the hub's price, so tiers and quotas price exactly;
 * 1 × 0 for a period without usage, so Odoo still bills the line for that period and the
 * next one's service dates stay on the hub's periods) and the units behind it in its
 * text. It is rewritten on every run until a posted invoice line bills the period, then
 * reset to zero, because Odoo would bill the same qty_delivered again.
 */
export async function pushUsageJob(options: {
  db: Db; odoo: OdooClient; job: Job; owner: string; maxAttempts: number; now: Date; snapshot?: PushSnapshot; invoicedSince?: string;
}): Promise<JobResult> {
  const { db, odoo, owner, now } = options;
  const finish = (state: "succeeded" | "dead" | "awaiting_invoice", data: Prisma.JobUpdateManyMutationInput) => finishJob({ db, job: options.job, owner, state, data });
  // Due again on the next run (claims compare against each run's own clock), not this one.
  const nextRun = new Date(now.getTime() + 1);

  try {
    const job = asPushJob(options.job);
    let subscription = await db.subscription.findUniqueOrThrow({ where: { id: job.subscriptionId }, include: subscriptionForPush });
    if (subscription.service.billingMode === "shadow") {
      // Planned while the service was live (a rollback since): Lago bills it now. Kept waiting,
      // not dead, so it pushes again by itself if the service goes live again.
      await finish("awaiting_invoice", { lastError: BILLED_BY_LAGO, nextRunAt: nextRun });
      return { jobId: job.id, outcome: "waiting", detail: BILLED_BY_LAGO };
    }
    // The plan the period ran on: a change just after its end leaves it on the old one.
    const periodPlan = planOfPeriod(subscription, { end: job.periodEnd });
    const charge = periodPlan.charges.find((c) => c.billableMetric.code === job.metricCode);
    if (!charge) throw new Error(`the plan no longer charges ${job.metricCode}`);
    let orderId = job.odooOrderId ?? subscription.odooOrderId;
    if (orderId === null) {
      // A job recorded dead before its order existed (Odoo lacked the plan's currency) and retried since.
      orderId = (await ensureOdooSubscription({ db, odoo, subscription })).order.id;
      subscription = await db.subscription.findUniqueOrThrow({ where: { id: job.subscriptionId }, include: subscriptionForPush });
    }
    let entry = options.snapshot?.get(orderId);
    if (!entry) {
      entry = (await readPushSnapshot(odoo, [orderId], options.invoicedSince ?? odooDate(new Date(job.periodStart.getTime() - 86_400_000)))).get(orderId);
      if (entry) options.snapshot?.set(orderId, entry);
    }
    if (!entry) throw new Error(`Odoo order ${orderId} no longer exists`);
    const lineId = job.odooOrderLineId ?? usageLineIds(periodPlan, entry).get(job.metricCode);
    const line = lineId === undefined || lineId === null ? undefined : entry.lines.get(lineId);
    if (!line) throw new Error(`Odoo order ${entry.order.name} has no usage line for ${job.metricCode}; the next planning run recreates it`);

    const period = { start: job.periodStart, end: job.periodEnd };
    const invoiced = invoicedOn(entry.invoiced, line.id, lastOdooDayOf(period));
    if (invoiced) {
      if (job.lastPushedAt === null) {
        const error = `Odoo invoiced the period ending ${odooDate(job.periodEnd)} before its usage was pushed; bill it manually`;
        await finish("dead", { lastError: error, odooOrderLineId: line.id });
        return { jobId: job.id, outcome: "dead", error };
      }
      // The line is shared across periods: once the next period rides on it, leave it be.
      if (periodStartOfUsageLine(line.name) === odooDate(job.periodStart)) {
        const name = usageLineName(charge.billableMetric);
        await writeUsageLine(odoo, { lineId: line.id, quantity: 0, priceUnit: 0, name, current: line });
        noteLineWrite(entry, line.id, { qtyDelivered: 0, priceUnit: 0, name });
      }
      await finish("succeeded", { lastError: null, odooOrderLineId: line.id, invoicedAmountCents: invoicedAmountCents(invoiced, subscription.plan.amountCurrency) });
      return { jobId: job.id, outcome: "finalized" };
    }
    if (entry.order.subscriptionState !== "3_progress") {
      // Odoo does not invoice the order now (closed for non-payment, paused): the period's
      // usage stays unbilled, and said so, until Odoo reopens it.
      const detail = `Odoo order ${entry.order.name} is ${entry.order.subscriptionState ?? "not a subscription"}: this period's usage is not billed unless Odoo reopens the order`;
      await finish("awaiting_invoice", { lastError: detail, odooOrderLineId: line.id, nextRunAt: nextRun });
      return { jobId: job.id, outcome: "waiting", detail };
    }

    const usage = await computePeriodUsage({ db, subscription: { ...subscription, plan: { ...periodPlan, charges: [charge] } }, period });
    const [usageEntry] = usage.charges;
    const amountCents = usageEntry!.amountCents;
    const values = {
      quantity: 1,
      priceUnit: Number(formatMinorUnits(amountCents, usage.currency)),
      name: usageLineDescription({ metric: charge.billableMetric, period: usage.period, usage: usageEntry! }),
    };
    const { changed } = await writeUsageLine(odoo, { lineId: line.id, ...values, current: line });
    noteLineWrite(entry, line.id, { qtyDelivered: values.quantity, priceUnit: values.priceUnit, name: values.name });
    await finish("awaiting_invoice", {
      units: usageEntry!.units, amountCents, odooOrderId: orderId, odooOrderLineId: line.id, lastPushedAt: now, lastError: null, nextRunAt: nextRun,
    });
    return { jobId: job.id, outcome: "written", units: usageEntry!.units, amountCents: amountCents.toString(), changed };
  } catch (error) {
    // Retrying cannot help until a person fixes Odoo: dead at once, retried from the console.
    const giveUp = isOdooError(error) && error.kind === "setup";
    // A job that already wrote keeps its place in the cycle: a later run rewrites or finalizes it.
    const { state, message } = await failJob({ db, job: options.job, owner, error, maxAttempts: options.maxAttempts, giveUp, now });
    return { jobId: options.job.id, outcome: state, error: message };
  }
}
