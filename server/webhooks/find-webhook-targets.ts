import type { AccountLink } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { subscriptionForEnvelope, type SubscriptionForEnvelope } from "./build-envelopes";
import type { OdooObservation } from "./lifecycle-types";

/** One service's customer that must hear about an event, with the subscriptions concerned. */
export interface WebhookTarget {
  serviceId: string;
  customer: AccountLink;
  subscriptions: SubscriptionForEnvelope[];
}

// A shadow service's app hears of billing from Lago, which bills it: Odoo-driven lifecycle webhooks are for live services only.
const subscribed = { active: true, webhookUrl: { not: null }, billingMode: "live" as const };

/**
 * Who hears about an Odoo record: the hub subscriptions on its orders (Subscription.odooOrderId),
 * grouped per service customer. An invoice traced to no hub subscription falls back to
 * every service holding an account for the partner (BillingCustomer.odooPartnerId).
 * Services without a webhook URL, inactive or shadow services and deleted customers are skipped.
 */
export async function findWebhookTargets(db: DbOrTx, observation: OdooObservation): Promise<WebhookTarget[]> {
  const subscriptions = observation.orderIds.length
    ? await db.subscription.findMany({
        where: { odooOrderId: { in: observation.orderIds }, service: subscribed, accountLink: { deletedAt: null } },
        include: subscriptionForEnvelope,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    : [];
  if (subscriptions.length || observation.model === "sale.order" || observation.partnerId === null) {
    const targets = new Map<string, WebhookTarget>();
    for (const subscription of subscriptions) {
      const target = targets.get(subscription.accountLinkId) ?? { serviceId: subscription.serviceId, customer: subscription.accountLink, subscriptions: [] };
      target.subscriptions.push(subscription);
      targets.set(subscription.accountLinkId, target);
    }
    return [...targets.values()];
  }
  const customers = await db.accountLink.findMany({
    where: { deletedAt: null, service: subscribed, billingCustomer: { odooPartnerId: observation.partnerId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return customers.map((customer) => ({ serviceId: customer.serviceId, customer, subscriptions: [] }));
}
