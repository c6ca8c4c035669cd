import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { type OdooClient, paymentGateWarning, readSubscriptions } from "~/server/odoo";
import { askOdoo, type OdooUnanswered } from "./ask-odoo";

export interface OrderWarning {
  subscriptionId: string;
  odooOrderId: number;
  message: string;
}

/**
 * What Odoo holds on the customer's running subscription orders that stops it invoicing
 * them (today: the payment gate, an order requiring online payment with no token, which
 * Odoo's recurring run skips and later closes). The usage push reports it to ops; this
 * puts it where finance looks at the customer.
 */
export async function listCustomerOrderWarnings(options: { db: DbOrTx; id: string; odoo: () => OdooClient }): Promise<{ status: "ok"; warnings: OrderWarning[] } | OdooUnanswered> {
  const customer = await options.db.billingCustomer.findUnique({ where: { id: options.id }, select: { accountLinks: { select: { id: true } } } });
  if (!customer) throw notFound("billing_customer");
  const subscriptions = await options.db.subscription.findMany({
    where: { accountLinkId: { in: customer.accountLinks.map((account) => account.id) }, status: "active", odooOrderId: { not: null } },
    select: { id: true, odooOrderId: true },
  });
  if (subscriptions.length === 0) return { status: "ok", warnings: [] };
  const answer = await askOdoo(options.odoo, (odoo) => readSubscriptions(odoo, [...new Set(subscriptions.map((s) => s.odooOrderId!))]));
  if (answer.status !== "ok") return answer;
  const orders = new Map(answer.value.map((order) => [order.id, order]));
  return {
    status: "ok",
    warnings: subscriptions.flatMap((subscription) => {
      const order = orders.get(subscription.odooOrderId!);
      const message = order?.subscriptionState === "3_progress" ? paymentGateWarning(order) : null;
      return message ? [{ subscriptionId: subscription.id, odooOrderId: order!.id, message }] : [];
    }),
  };
}
