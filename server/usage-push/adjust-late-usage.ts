import { formatMinorUnits } from "~/server/billing/pricing";
import type { Db } from "~/server/db/client";
import { ensureOrderLine, type OdooClient, writeUsageLine } from "~/server/odoo";
import { odooDate } from "~/server/odoo/odoo-date";
import { lateUsageLineDescription, lateUsageLineName, periodStartInText } from "~/server/odoo/usage-line-text";
import { computePeriodUsage } from "~/server/usage/compute-period-usage";
import { planOfPeriod } from "~/server/subscriptions/plan-of-period";
import { usageLineIds } from "./align-order";
import type { SubscriptionForPush } from "./ensure-odoo-subscription";
import { invoicedAmountCents, invoicedOn, lastOdooDayOf } from "./line-billing";
import { noteLineWrite, type OrderSnapshot } from "./push-snapshot";

/** Invoiced periods whose usage has events stored after the hub last priced them (on the database's clock). */
async function findLateJobs(db: Db, subscriptionId: string) {
  return db.$queryRaw<Array<{ id: string; metric_code: string; period_start: Date; period_end: Date }>>`
    SELECT j.id, j.metric_code, j.period_start, j.period_end FROM jobs j
    WHERE j.kind = 'usage_push' AND j.state = 'succeeded' AND j.subscription_id = ${subscriptionId}::uuid AND j.last_pushed_at IS NOT NULL
      -- Stored after the job last changed (it finalized, or its recount was written): both on the database's clock.
      AND EXISTS (SELECT 1 FROM usage_events e WHERE e.subscription_id = j.subscription_id AND e.code = j.metric_code
                  AND e."timestamp" >= j.period_start AND e."timestamp" < j.period_end AND e.created_at > j.updated_at)
    ORDER BY j.period_start`;
}

/**
 * Usage that arrived after its period was invoiced is billed on the next invoice, as a
 * line of its own per charge ("<metric> late usage [<code>]") naming the period and the
 * recount. What a period has been billed is read back from Odoo each time (its usage
 * line's invoice line plus every invoiced late-usage line naming it), so the adjustment
 * is the difference and nothing is billed twice. One period rides on the line at a time;
 * another waits for the next invoice. Once invoiced, the line goes back to zero.
 */
export async function adjustLateUsage(options: { db: Db; odoo: OdooClient; subscription: SubscriptionForPush; entry: OrderSnapshot }): Promise<number> {
  const { db, odoo, subscription, entry } = options;
  const late = await findLateJobs(db, subscription.id);
  const adjustmentLines = new Map<string, number>();
  for (const charge of subscription.plan.charges) {
    const name = lateUsageLineName(charge.billableMetric);
    const line = [...entry.lines.values()].find((l) => l.productId === charge.odooProductId && l.name.startsWith(name));
    if (line) adjustmentLines.set(charge.billableMetric.code, line.id);
  }
  const invoicedWith = (lineId: number) => entry.invoiced.filter((l) => l.saleLineIds.includes(lineId));
  // A riding adjustment that Odoo has invoiced since (its exact text is on a posted line): back to zero.
  for (const [code, lineId] of adjustmentLines) {
    const line = entry.lines.get(lineId)!;
    if (line.qtyDelivered !== 0 && invoicedWith(lineId).some((l) => l.name.includes(line.name))) {
      const name = lateUsageLineName(subscription.plan.charges.find((c) => c.billableMetric.code === code)!.billableMetric);
      await writeUsageLine(odoo, { lineId, quantity: 0, priceUnit: 0, name, current: line });
      noteLineWrite(entry, lineId, { qtyDelivered: 0, priceUnit: 0, name });
    }
  }
  let written = 0;
  for (const job of late) {
    const period = { start: job.period_start, end: job.period_end };
    // Recounted on the plan the period ran on (planOfPeriod), as its usage was billed.
    const periodPlan = planOfPeriod(subscription, period);
    const charge = periodPlan.charges.find((c) => c.billableMetric.code === job.metric_code);
    if (!charge || !charge.odooProductId) continue;
    const usageLineId = usageLineIds(periodPlan, entry).get(job.metric_code);
    let adjustmentId = adjustmentLines.get(job.metric_code);
    const riding = adjustmentId === undefined ? undefined : entry.lines.get(adjustmentId);
    // Another period's recount rides on the line, not invoiced yet: this one waits its turn.
    if (riding && riding.qtyDelivered !== 0 && periodStartInText(riding.name) !== odooDate(period.start)) continue;
    const usage = await computePeriodUsage({ db, subscription: { ...subscription, plan: { ...periodPlan, charges: [charge] } }, period });
    const [recount] = usage.charges;
    const currency = subscription.plan.amountCurrency;
    const usageBilled = usageLineId === undefined ? undefined : invoicedOn(entry.invoiced, usageLineId, lastOdooDayOf(period));
    const adjustmentsBilled = adjustmentId === undefined ? [] : invoicedWith(adjustmentId).filter((l) => periodStartInText(l.name) === odooDate(period.start));
    const billed = [usageBilled, ...adjustmentsBilled].reduce((sum, l) => sum + (l ? invoicedAmountCents(l, currency) : 0n), 0n);
    const delta = recount!.amountCents - billed;
    if (delta !== 0n) {
      adjustmentId ??= (await ensureOrderLine(odoo, { orderId: entry.order.id, productId: charge.odooProductId, name: lateUsageLineName(charge.billableMetric), quantity: 0, priceUnit: 0 })).id;
      const values = { quantity: 1, priceUnit: Number(formatMinorUnits(delta, currency)), name: lateUsageLineDescription({ metric: charge.billableMetric, period, units: recount!.units, billedCents: billed, deltaCents: delta, currency }) };
      await writeUsageLine(odoo, { lineId: adjustmentId, ...values, current: entry.lines.get(adjustmentId) });
      if (entry.lines.has(adjustmentId)) noteLineWrite(entry, adjustmentId, { qtyDelivered: 1, priceUnit: values.priceUnit, name: values.name });
      adjustmentLines.set(job.metric_code, adjustmentId);
      written++;
    }
    // Recounted: events stored from now on make it late again.
    await db.job.update({ where: { id: job.id }, data: { units: recount!.units } });
  }
  return written;
}
