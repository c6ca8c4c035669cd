import type { DbOrTx } from "~/server/db/client";
import { enqueueLagoForward } from "~/server/lago-forward/enqueue-lago-forward";
import type { PreparedEvent } from "./prepare-events";

/** How the app sent its events, and so how Lago receives them. */
export type EventsEndpoint = "single" | "batch";

/**
 * Enqueues, in the storing transaction, the events this request stored for the first time
 * (a retried transaction id reached Lago with its first request), one forward per customer
 * so each customer's events follow its subscription. The timestamp sent is the one the hub
 * resolved: an event sent without one must not take the instant of its forward in Lago.
 * Events at or after a scheduled cutover stay with the hub: Odoo bills that period, and
 * Lago, whose subscription ends at the cutover, must not bill them as well.
 */
export async function forwardEvents(tx: DbOrTx, serviceId: string, endpoint: EventsEndpoint, fresh: PreparedEvent[]): Promise<void> {
  const { cutoverAt } = await tx.service.findUniqueOrThrow({ where: { id: serviceId }, select: { cutoverAt: true } });
  const byCustomer = new Map<string, PreparedEvent[]>();
  for (const event of fresh) {
    if (cutoverAt && event.timestamp >= cutoverAt) continue;
    byCustomer.set(event.lagoCustomerId, [...(byCustomer.get(event.lagoCustomerId) ?? []), event]);
  }
  for (const [customerKey, events] of byCustomer) {
    const wire = events.map((event) => ({
      transaction_id: event.transactionId,
      external_subscription_id: event.externalSubscriptionId,
      code: event.code,
      timestamp: event.timestamp.getTime() / 1000,
      ...(event.properties === undefined || event.properties === null ? {} : { properties: event.properties }),
    }));
    await enqueueLagoForward(
      tx,
      endpoint === "single" && wire.length === 1
        ? { serviceId, customerKey, method: "POST", path: "/events", body: { event: wire[0] } }
        : { serviceId, customerKey, method: "POST", path: "/events/batch", body: { events: wire } },
    );
  }
}
