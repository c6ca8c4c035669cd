import type { Prisma, SubscriptionStatus } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type PageWindow, pageWindow } from "~/server/db/table-query";
import { subscriptionWithRelations } from "./subscription-input";

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
