import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";

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
