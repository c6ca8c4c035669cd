import { recordAudit } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import { AppError, notFound, validationFailed } from "~/server/errors";
import { enqueueLagoForward } from "~/server/lago-forward/enqueue-lago-forward";
import { isoSeconds } from "~/server/lago-api/wire-common";
import { countInvoices, type OdooClient, retireSubscriptionOrder } from "~/server/odoo";
import { odooDate } from "~/server/odoo/odoo-date";

/** Tells Lago the subscription's own ending again (null: it renews), in place of the cutover's. */
const giveLagoItsEnding = (tx: Parameters<typeof enqueueLagoForward>[0], serviceId: string, subscription: { accountLinkId: string; externalId: string; endingAt: Date | null }) =>
  enqueueLagoForward(tx, {
    serviceId, customerKey: subscription.accountLinkId, method: "PUT",
    path: `/subscriptions/${encodeURIComponent(subscription.externalId)}`,
    body: { subscription: { ending_at: isoSeconds(subscription.endingAt) } },
  });

/**
 * Gives a service back to Lago. Before the cutover's boundary it cancels the schedule: the
 * Lago subscriptions get their own ending back. After it, only while Odoo has invoiced
 * nothing of the service (draft invoices included): each Odoo order ends today, so Odoo
 * closes it before invoicing, and gives up its ref; then the service is shadow again, so
 * nothing more is planned or announced, and Lago, whose subscriptions ended at the
 * boundary, gets each one again from the boundary, under the same external id, then its
 * own ending. Lago ends a subscription with a clock job some time on its ending day: a
 * rollback that reaches Lago before it finds the old subscription still active, which the
 * create answers as is, and the ending sent after it is what keeps Lago billing it.
 * Audited.
 */
export async function rollBackCutover(options: { db: Db; odoo: () => OdooClient; serviceCode: string; confirmation: string; now?: Date; actorId?: string }) {
  const { db } = options;
  const now = options.now ?? new Date();
  if (options.confirmation !== options.serviceCode) throw validationFailed({ confirmation: ["type_the_service_code"] });
  const service = await db.service.findUnique({ where: { code: options.serviceCode }, select: { id: true, billingMode: true, cutoverAt: true } });
  if (!service) throw notFound("service");
  const cutoverAt = service.cutoverAt;
  if (!cutoverAt) throw new AppError("not_allowed", "no cutover is scheduled or done for this service: there is nothing to roll back");
  const subscriptions = await db.subscription.findMany({
    where: { serviceId: service.id, status: { in: ["active", "pending"] } },
    select: { id: true, externalId: true, name: true, accountLinkId: true, billingTime: true, endingAt: true, odooOrderId: true, plan: { select: { code: true } }, accountLink: { select: { externalId: true } } },
    orderBy: { externalId: "asc" },
  });

  if (service.billingMode === "shadow") {
    return db.$transaction(async (tx) => {
      // Cleared first: the forwards below must not be capped at the cutover any more.
      await tx.service.update({ where: { id: service.id }, data: { cutoverAt: null } });
      for (const subscription of subscriptions) await giveLagoItsEnding(tx, service.id, subscription);
      await recordAudit(tx, {
        actorId: options.actorId, action: "service.roll_back_cutover", entityType: "service", entityId: service.id,
        before: { cutoverAt: cutoverAt.toISOString(), billingMode: "shadow" }, after: { cutoverAt: null, billingMode: "shadow", stage: "before the boundary" },
      });
      return { billingMode: "shadow" as const, stage: "cancelled before the boundary", odooOrdersClosed: 0, lagoSubscriptionsRestored: subscriptions.length };
    });
  }

  const orderIds = subscriptions.flatMap((s) => (s.odooOrderId === null ? [] : [s.odooOrderId]));
  // Without an order yet (the planner has not run since the boundary) Odoo holds nothing to retire.
  const odoo = orderIds.length ? options.odoo() : null;
  const invoiced = odoo ? await countInvoices(odoo, { orderIds, states: ["draft", "posted"] }) : 0;
  if (invoiced > 0) {
    throw new AppError("not_allowed", `Odoo has already invoiced this service (${invoiced} invoice(s) since the cutover): Lago cannot take it back without billing twice; credit them in Odoo and terminate the Odoo subscriptions instead`);
  }
  // Odoo first: if a write fails, the service is still live with its cutover, so the
  // rollback can simply be run again; done the other way round, a failure would leave Odoo an order that
  // invoices while nothing in the hub knows of it any more.
  for (const orderId of orderIds) {
    if (odoo) await retireSubscriptionOrder(odoo, { orderId, endDate: odooDate(now), retiredRef: `nexa:rolled-back:${cutoverAt.toISOString()}:${orderId}` });
  }
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM services WHERE id = ${service.id}::uuid FOR UPDATE`;
    await tx.service.update({ where: { id: service.id }, data: { billingMode: "shadow", cutoverAt: null } });
    await tx.job.updateMany({
      where: { subscription: { serviceId: service.id }, kind: "usage_push", state: { notIn: ["succeeded", "dead"] } },
      data: { state: "dead", lastError: "the migration was rolled back: Lago bills this service again" },
    });
    await tx.subscription.updateMany({ where: { id: { in: subscriptions.map((s) => s.id) } }, data: { odooOrderId: null } });
    for (const subscription of subscriptions) {
      await enqueueLagoForward(tx, {
        serviceId: service.id, customerKey: subscription.accountLinkId, method: "POST", path: "/subscriptions",
        body: {
          subscription: {
            external_customer_id: subscription.accountLink.externalId, plan_code: subscription.plan.code, external_id: subscription.externalId,
            name: subscription.name, billing_time: subscription.billingTime, subscription_at: isoSeconds(cutoverAt), ending_at: isoSeconds(subscription.endingAt),
          },
        },
      });
      await giveLagoItsEnding(tx, service.id, subscription);
    }
    await recordAudit(tx, {
      actorId: options.actorId, action: "service.roll_back_cutover", entityType: "service", entityId: service.id,
      before: { cutoverAt: cutoverAt.toISOString(), billingMode: "live" },
      after: { cutoverAt: null, billingMode: "shadow", stage: "after the boundary, before Odoo's first invoice", odooOrders: orderIds },
    });
  });
  return { billingMode: "shadow" as const, stage: "rolled back after the boundary", odooOrdersClosed: orderIds.length, lagoSubscriptionsRestored: subscriptions.length };
}
