import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type PageWindow, pageWindow } from "~/server/db/table-query";
import { eventWithSubscription } from "./find-event";

export async function listEvents(options: {
  db: DbOrTx;
  serviceId: string;
  page: PageWindow;
  filters: { externalSubscriptionId?: string; code?: string; timestampFrom?: Date; timestampTo?: Date };
}) {
  const { filters } = options;
  const where: Prisma.UsageEventWhereInput = {
    serviceId: options.serviceId,
    ...(filters.externalSubscriptionId ? { subscription: { externalId: filters.externalSubscriptionId } } : {}),
    ...(filters.code ? { code: filters.code } : {}),
    ...(filters.timestampFrom || filters.timestampTo
      ? { timestamp: { ...(filters.timestampFrom ? { gte: filters.timestampFrom } : {}), ...(filters.timestampTo ? { lt: filters.timestampTo } : {}) } }
      : {}),
  };
  const [events, totalCount] = await Promise.all([
    options.db.usageEvent.findMany({ where, include: eventWithSubscription, orderBy: [{ timestamp: "desc" }, { id: "asc" }], ...pageWindow(options.page) }),
    options.db.usageEvent.count({ where }),
  ]);
  return { events, totalCount };
}
