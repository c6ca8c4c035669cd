import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { type SubscriptionWithPlanCharges, subscriptionWithPlanCharges } from "~/server/subscriptions/subscription-input";

/**
 * What a service's key may see of Odoo's invoices: those billing the Odoo orders of its
 * own subscriptions (one customer's when `externalCustomerId` is given). An Odoo partner
 * may be several services' customer, so the partner alone never grants an invoice.
 */
export interface InvoiceScope {
  orderIds: number[];
  subscriptionsByOrder: Map<number, SubscriptionWithPlanCharges[]>;
}

export async function loadInvoiceScope(options: { db: DbOrTx; serviceId: string; externalCustomerId?: string }): Promise<InvoiceScope> {
  const { db, serviceId, externalCustomerId } = options;
  if (externalCustomerId !== undefined) {
    const customer = await db.accountLink.findUnique({ where: { serviceId_externalId: { serviceId, externalId: externalCustomerId } } });
    if (!customer || customer.deletedAt) throw notFound("customer");
  }
  const subscriptions = await db.subscription.findMany({
    where: { serviceId, odooOrderId: { not: null }, ...(externalCustomerId !== undefined ? { accountLink: { externalId: externalCustomerId } } : {}) },
    include: subscriptionWithPlanCharges,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const subscriptionsByOrder = new Map<number, SubscriptionWithPlanCharges[]>();
  for (const subscription of subscriptions) {
    const list = subscriptionsByOrder.get(subscription.odooOrderId!) ?? [];
    list.push(subscription);
    subscriptionsByOrder.set(subscription.odooOrderId!, list);
  }
  return { orderIds: [...subscriptionsByOrder.keys()], subscriptionsByOrder };
}
