import type { BillingTime, Prisma, SubscriptionStatus } from "~/generated/prisma/client";
import type { Db, DbOrTx } from "~/server/db/client";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { notFound, validationFailed } from "~/server/errors";
import { findOrCreateCustomer } from "~/server/identity/find-or-create-customer";
import { type PageWindow, pageWindow } from "~/server/db/table-query";

export const subscriptionWithRelations = { plan: true, accountLink: true } satisfies Prisma.SubscriptionInclude;
export type SubscriptionWithRelations = Prisma.SubscriptionGetPayload<{ include: typeof subscriptionWithRelations }>;

export interface SubscriptionInput {
  externalCustomerId: string;
  planCode: string;
  externalId: string;
  name?: string | null;
  billingTime?: BillingTime;
  subscriptionAt?: Date;
  endingAt?: Date | null;
}

const LIVE: SubscriptionStatus[] = ["active", "pending"];

/**
 * Lago's POST /subscriptions. Same external id, customer and plan → the existing
 * subscription (a safe retry). Same external id on another plan → an immediate plan
 * change; the period's usage is then priced on the new plan. An external id held by
 * another customer, or by an ended subscription, is refused.
 */
export async function createSubscription(options: {
  db: Db;
  serviceId: string;
  input: SubscriptionInput;
  now?: Date;
}): Promise<{ subscription: SubscriptionWithRelations; created: boolean }> {
  const { db, serviceId, input } = options;
  const now = options.now ?? new Date();
  const plan = await db.plan.findUnique({ where: { code: input.planCode } });
  if (!plan) throw notFound("plan");
  if (input.endingAt && input.endingAt <= (input.subscriptionAt ?? now)) throw validationFailed({ ending_at: ["invalid_date"] });
  const where = { serviceId_externalId: { serviceId, externalId: input.externalId } };
  const existing = await db.subscription.findUnique({ where, include: subscriptionWithRelations });
  // Every refusal comes before the customer is created: a refused request stores nothing.
  if (existing && (existing.accountLink.externalId !== input.externalCustomerId || !LIVE.includes(existing.status))) {
    throw validationFailed({ external_id: ["value_already_exist"] });
  }

  // Lago creates an unknown customer on the fly rather than answering 404.
  const customer = await findOrCreateCustomer({ db, serviceId, externalId: input.externalCustomerId });
  if (existing) {
    // A customer deleted and re-created since is another account: not the subscription's.
    if (existing.accountLinkId !== customer.id) throw validationFailed({ external_id: ["value_already_exist"] });
    if (existing.planId === plan.id) return { subscription: existing, created: false };
    const changed = await db.subscription.update({ where: { id: existing.id }, data: { planId: plan.id }, include: subscriptionWithRelations });
    return { subscription: changed, created: false };
  }

  const subscriptionAt = input.subscriptionAt ?? now;
  const startsNow = subscriptionAt <= now;
  try {
    const subscription = await db.subscription.create({
      data: {
        serviceId,
        externalId: input.externalId,
        accountLinkId: customer.id,
        planId: plan.id,
        name: input.name ?? null,
        billingTime: input.billingTime ?? "calendar",
        subscriptionAt,
        startedAt: startsNow ? subscriptionAt : null,
        status: startsNow ? "active" : "pending",
        endingAt: input.endingAt ?? null,
      },
      include: subscriptionWithRelations,
    });
    return { subscription, created: true };
  } catch (error) {
    if (isUniqueViolation(error)) return createSubscription(options);
    throw error;
  }
}

/** A pending subscription whose start has passed is active; one past its end date is over. */
export function effectiveStatus(subscription: { status: SubscriptionStatus; subscriptionAt: Date; endingAt: Date | null }, now: Date): SubscriptionStatus {
  if (subscription.status === "pending" && subscription.subscriptionAt <= now) return "active";
  if (subscription.status === "active" && subscription.endingAt && subscription.endingAt <= now) return "terminated";
  return subscription.status;
}

/** Lago's DELETE /subscriptions/{external_id}: terminates an active one, cancels a pending one. */
export async function terminateSubscription(options: {
  db: DbOrTx;
  serviceId: string;
  externalId: string;
  now?: Date;
}): Promise<SubscriptionWithRelations> {
  const now = options.now ?? new Date();
  const subscription = await options.db.subscription.findUnique({
    where: { serviceId_externalId: { serviceId: options.serviceId, externalId: options.externalId } },
  });
  if (!subscription || !LIVE.includes(subscription.status)) throw notFound("subscription");
  const data: Prisma.SubscriptionUpdateInput =
    effectiveStatus(subscription, now) === "pending"
      ? { status: "canceled", canceledAt: now }
      : { status: "terminated", terminatedAt: subscription.endingAt && subscription.endingAt < now ? subscription.endingAt : now };
  return options.db.subscription.update({ where: { id: subscription.id }, data, include: subscriptionWithRelations });
}

export async function findSubscription(options: { db: DbOrTx; serviceId: string; externalId: string }): Promise<SubscriptionWithRelations> {
  const subscription = await options.db.subscription.findUnique({
    where: { serviceId_externalId: { serviceId: options.serviceId, externalId: options.externalId } },
    include: subscriptionWithRelations,
  });
  if (!subscription) throw notFound("subscription");
  return subscription;
}

export async function listSubscriptions(options: {
  db: DbOrTx;
  serviceId: string;
  page: PageWindow;
  filters: { externalCustomerId?: string; planCode?: string; statuses?: SubscriptionStatus[] };
}) {
  const { filters } = options;
  const where: Prisma.SubscriptionWhereInput = {
    serviceId: options.serviceId,
    status: { in: filters.statuses?.length ? filters.statuses : ["active"] },
    ...(filters.externalCustomerId ? { accountLink: { externalId: filters.externalCustomerId } } : {}),
    ...(filters.planCode ? { plan: { code: filters.planCode } } : {}),
  };
  const [subscriptions, totalCount] = await Promise.all([
    options.db.subscription.findMany({ where, include: subscriptionWithRelations, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageWindow(options.page) }),
    options.db.subscription.count({ where }),
  ]);
  return { subscriptions, totalCount };
}
