import type { Prisma } from "~/generated/prisma/client";
import { billingPeriodAt } from "~/server/billing/billing-period";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { effectiveStatus } from "~/server/subscriptions/effective-status";
import { computePeriodUsage, type PeriodUsage } from "~/server/usage/compute-period-usage";

const accountInclude = { service: { select: { code: true, name: true } } } satisfies Prisma.AccountLinkInclude;
const subscriptionInclude = {
  plan: { include: { charges: { include: { billableMetric: true }, orderBy: { createdAt: "asc" } } } },
} satisfies Prisma.SubscriptionInclude;

const RECENT_WEBHOOKS = 10;

export interface CustomerSubscription {
  id: string;
  externalId: string;
  serviceCode: string;
  accountExternalId: string;
  planCode: string;
  planName: string;
  status: string;
  subscriptionAt: Date;
  terminatedAt: Date | null;
  odooOrderId: number | null;
  /** Set while Odoo holds the order closed on its own (unpaid invoice, late invoicing), with Odoo's reason. */
  odooClosedAt: Date | null;
  odooCloseReason: string | null;
  /** The open period's usage so far, priced as current_usage does; null unless active. */
  currentUsage: PeriodUsage | null;
}

/**
 * One billing customer as a customer page shows it: every live app account (per
 * service), their subscriptions with the open period's usage, and the latest webhook
 * deliveries sent about them. Odoo invoices are read separately (listCustomerInvoices),
 * so a slow or absent Odoo never holds the page.
 */
export async function getCustomerOverview(options: { db: DbOrTx; id: string; now?: Date }) {
  const { db } = options;
  const now = options.now ?? new Date();
  const customer = await db.billingCustomer.findUnique({
    where: { id: options.id },
    include: { accountLinks: { where: { deletedAt: null }, include: accountInclude, orderBy: [{ service: { code: "asc" } }, { createdAt: "asc" }] } },
  });
  if (!customer) throw notFound("billing_customer");
  const accountIds = customer.accountLinks.map((account) => account.id);
  const [subscriptions, webhooks] = await Promise.all([
    db.subscription.findMany({ where: { accountLinkId: { in: accountIds } }, include: subscriptionInclude, orderBy: [{ createdAt: "desc" }] }),
    // A delivery's ordering key is the app account it was sent about.
    db.webhookDelivery.findMany({
      where: { orderingKey: { in: accountIds } },
      select: { id: true, webhookType: true, state: true, attempts: true, createdAt: true, deliveredAt: true, lastError: true, service: { select: { code: true } } },
      orderBy: { createdAt: "desc" },
      take: RECENT_WEBHOOKS,
    }),
  ]);
  const accountsById = new Map(customer.accountLinks.map((account) => [account.id, account]));
  const withUsage: CustomerSubscription[] = await Promise.all(subscriptions.map(async (subscription) => {
    const status = effectiveStatus(subscription, now);
    const period = billingPeriodAt({ interval: subscription.plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, at: now });
    const account = accountsById.get(subscription.accountLinkId);
    return {
      id: subscription.id,
      externalId: subscription.externalId,
      serviceCode: account?.service.code ?? "",
      accountExternalId: account?.externalId ?? "",
      planCode: subscription.plan.code,
      planName: subscription.plan.name,
      status,
      subscriptionAt: subscription.subscriptionAt,
      terminatedAt: subscription.terminatedAt,
      odooOrderId: subscription.odooOrderId,
      odooClosedAt: subscription.odooClosedAt,
      odooCloseReason: subscription.odooCloseReason,
      currentUsage: status === "active" ? await computePeriodUsage({ db, subscription, period }) : null,
    };
  }));
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    odooPartnerId: customer.odooPartnerId,
    createdAt: customer.createdAt,
    accounts: customer.accountLinks.map((account) => ({
      id: account.id, serviceCode: account.service.code, serviceName: account.service.name, externalId: account.externalId,
      name: account.name, email: account.email, currency: account.currency, createdAt: account.createdAt,
    })),
    subscriptions: withUsage,
    webhooks,
  };
}

export type CustomerOverview = Awaited<ReturnType<typeof getCustomerOverview>>;
