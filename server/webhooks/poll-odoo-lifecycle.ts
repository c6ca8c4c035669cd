import type { Db } from "~/server/db/client";
import type { OdooClient } from "~/server/odoo";
import { odooDate } from "~/server/odoo/odoo-date";
import { observeOdooRecords } from "./observe-odoo-records";
import type { WebhookSettings } from "./webhook-settings";

/**
 * The safety net for lost Odoo webhooks (Odoo sends each once, 1 s timeout, no retry):
 * re-reads the payment state of recent invoices of the hub's customers and the state of
 * live services' subscription orders not already known as ended for good, and feeds any change into
 * the same de-duplicated lifecycle stream as the webhook.
 */
export async function pollOdooLifecycle(options: { db: Db; odoo: OdooClient; settings: WebhookSettings; now?: Date }) {
  const { db, odoo, settings } = options;
  const now = options.now ?? new Date();
  const partners = await db.billingCustomer.findMany({ where: { odooPartnerId: { not: null } }, select: { odooPartnerId: true } });
  const invoices = partners.length
    ? await observeOdooRecords({
        db,
        odoo,
        source: "poll",
        settings,
        now,
        filter: {
          model: "account.move",
          invoiceDateFrom: odooDate(new Date(now.getTime() - settings.pollLookbackDays * 86_400_000)),
          partnerIds: partners.map((p) => p.odooPartnerId!),
        },
      })
    : { observed: 0, events: [] };
  // A shadow service's app hears of billing from Lago; an order it still holds after a live → shadow switch is not watched.
  const orders = await db.subscription.findMany({ where: { odooOrderId: { not: null }, service: { billingMode: "live" } }, select: { odooOrderId: true }, distinct: ["odooOrderId"] });
  const ended = await db.odooRecordState.findMany({ where: { odooModel: "sale.order", state: "6_churn" }, select: { odooId: true } });
  // A churned order stays watched while Odoo's closing holds hub subscriptions ended: a late payment reopens it.
  const reopenable = await db.subscription.findMany({ where: { odooClosedAt: { not: null }, odooOrderId: { not: null } }, select: { odooOrderId: true }, distinct: ["odooOrderId"] });
  const endedIds = new Set(ended.map((row) => row.odooId));
  for (const row of reopenable) endedIds.delete(row.odooOrderId!);
  const orderIds = orders.map((o) => o.odooOrderId!).filter((id) => !endedIds.has(id));
  const subscriptions = await observeOdooRecords({ db, odoo, source: "poll", settings, now, filter: { model: "sale.order", ids: orderIds } });
  return {
    invoicesObserved: invoices.observed,
    ordersObserved: subscriptions.observed,
    events: [...invoices.events, ...subscriptions.events].map((event) => ({ id: event.id, kind: event.kind, uniqueKey: event.uniqueKey })),
  };
}
