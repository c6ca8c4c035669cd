import { formatMinorUnits } from "~/server/billing/pricing";
import type { Db } from "~/server/db/client";
import { type OdooClient, readSubscriptions } from "~/server/odoo";
import { computePeriodUsage } from "~/server/usage/compute-period-usage";
import { decideClosingPeriod } from "./closing-period";
import { BILLED_BY_LAGO } from "./billed-by-lago";
import { subscriptionForPush } from "./ensure-odoo-subscription";

export interface PreviewRow {
  subscription: string;
  odooOrder: string;
  period?: string;
  metric?: string;
  units?: string;
  amount?: string;
  note?: string;
}

/**
 * Dry run: what a push would write now, without writing anything (no Odoo creates or
 * writes, no jobs). Subscriptions not yet in Odoo are listed as orders to create.
 */
export async function previewUsagePush(options: { db: Db; odoo: OdooClient; now: Date; leadHours: number }): Promise<PreviewRow[]> {
  const { db, odoo, now } = options;
  const subscriptions = await db.subscription.findMany({ where: { status: "active" }, include: subscriptionForPush, orderBy: { createdAt: "asc" } });
  // One batched read of the orders, as a real run plans.
  const orders = new Map((await readSubscriptions(odoo, subscriptions.flatMap((s) => (s.odooOrderId === null || s.service.billingMode === "shadow" ? [] : [s.odooOrderId])))).map((o) => [o.id, o]));
  const rows: PreviewRow[] = [];
  for (const subscription of subscriptions) {
    const label = `${subscription.service.code}/${subscription.externalId}`;
    if (subscription.service.billingMode === "shadow") {
      rows.push({ subscription: label, odooOrder: "(none)", note: BILLED_BY_LAGO });
      continue;
    }
    if (subscription.odooOrderId === null) {
      rows.push({ subscription: label, odooOrder: "(would be created)", note: "first push creates the partner, plan, products and order" });
      continue;
    }
    const order = orders.get(subscription.odooOrderId);
    if (!order) {
      rows.push({ subscription: label, odooOrder: `#${subscription.odooOrderId}`, note: "Odoo no longer has this order" });
      continue;
    }
    const decision = order.nextInvoiceDate
      ? decideClosingPeriod({ interval: subscription.plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, terminatedAt: subscription.terminatedAt, nextInvoiceDate: order.nextInvoiceDate, now, leadHours: options.leadHours })
      : ({ push: false, reason: "not_due", detail: "Odoo order has no next invoice date" } as const);
    if (!decision.push) {
      rows.push({ subscription: label, odooOrder: order.name, note: decision.detail });
      continue;
    }
    const usage = await computePeriodUsage({ db, subscription, period: decision.period });
    for (const entry of usage.charges) {
      rows.push({
        subscription: label,
        odooOrder: order.name,
        period: `${decision.period.start.toISOString()} → ${decision.period.end.toISOString()}`,
        metric: entry.charge.billableMetric.code,
        units: entry.units,
        amount: `${formatMinorUnits(entry.amountCents, usage.currency)} ${usage.currency}`,
      });
    }
  }
  return rows;
}
