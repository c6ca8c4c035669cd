import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { type PageWindow, pageWindow } from "~/server/db/table-query";

export const eventWithSubscription = {
  subscription: { select: { externalId: true, accountLinkId: true } },
} satisfies Prisma.UsageEventInclude;
export type EventWithSubscription = Prisma.UsageEventGetPayload<{ include: typeof eventWithSubscription }>;

export async function findEvent(options: { db: DbOrTx; serviceId: string; transactionId: string }): Promise<EventWithSubscription> {
  // The ledger knows the event's timestamp, so the read touches one partition only.
  const key = await options.db.usageEventKey.findUnique({
    where: { serviceId_transactionId: { serviceId: options.serviceId, transactionId: options.transactionId } },
  });
  const event = key
    ? await options.db.usageEvent.findUnique({ where: { id_timestamp: { id: key.eventId, timestamp: key.eventTimestamp } }, include: eventWithSubscription })
    : null;
  if (!event) throw notFound("event");
  return event;
}

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
