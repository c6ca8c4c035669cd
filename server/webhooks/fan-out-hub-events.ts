import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import type { HubEventKind } from "~/server/db/record-hub-event";
import { serializeCustomer } from "~/server/lago-api/customer-wire";
import { serializeSubscription } from "~/server/lago-api/subscription-wire";
import { subscriptionForEnvelope } from "./build-envelopes";
import type { WebhookSettings } from "./webhook-settings";

type ClaimedEvent = { id: string; kind: HubEventKind; service_id: string; subject_id: string; data: Record<string, unknown>; occurred_at: Date };

/** The Lago object a hub event carries, serialized as the subject is now (as Lago's webhook job does). */
async function lagoObject(tx: Prisma.TransactionClient, event: ClaimedEvent): Promise<{ objectType: string; object: unknown; customerId: string } | null> {
  if (event.kind === "customer.created") {
    const customer = await tx.accountLink.findUnique({ where: { id: event.subject_id } });
    return customer ? { objectType: "customer", object: serializeCustomer(customer), customerId: customer.id } : null;
  }
  const subscription = await tx.subscription.findUnique({ where: { id: event.subject_id }, include: subscriptionForEnvelope });
  if (!subscription) return null;
  return {
    objectType: "subscription",
    object: { ...serializeSubscription(subscription, { withPlan: subscription.plan, now: event.occurred_at }), customer: serializeCustomer(subscription.accountLink) },
    customerId: subscription.accountLinkId,
  };
}

/**
 * Turns the hub's own events (recordHubEvent) into outbox deliveries for the service
 * they concern, in its customer's order with the Odoo lifecycle webhooks. Events are
 * claimed with SKIP LOCKED and marked in the same transaction as their deliveries, so
 * concurrent drains fan each out once. A service without a webhook URL (or disabled)
 * gets nothing, as for lifecycle events. Nor does a shadow service: every HubEventKind is
 * a webhook type Lago itself sends (customer.created,
 * subscription.started, subscription.terminated — lago-javascript-client webhooks.d.ts) for
 * the write the hub forwards to it, so its app would hear each twice. The event is still
 * marked fanned out, so nothing is sent for it after a shadow → live switch either.
 */
/** Returns how many events it fanned out (0 when none was waiting). */
export async function fanOutHubEvents(options: { db: Db; settings: WebhookSettings; now?: Date; limit?: number }): Promise<number> {
  const { db, settings } = options;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const events = await tx.$queryRaw<ClaimedEvent[]>`
      SELECT id, kind, service_id, subject_id, data, occurred_at FROM hub_events
      WHERE fanned_out_at IS NULL ORDER BY created_at, id LIMIT ${options.limit ?? 200} FOR UPDATE SKIP LOCKED`;
    if (!events.length) return 0;
    const services = new Map(
      (await tx.service.findMany({ where: { id: { in: [...new Set(events.map((e) => e.service_id))] } }, select: { id: true, active: true, webhookUrl: true, billingMode: true } }))
        .map((service) => [service.id, service]),
    );
    const retryUntil = new Date(now.getTime() + settings.retryWindowHours * 3_600_000);
    for (const event of events) {
      const service = services.get(event.service_id);
      const built = service?.active && service.webhookUrl && service.billingMode === "live" ? await lagoObject(tx, event) : null;
      if (built) {
        await tx.webhookDelivery.create({
          data: {
            serviceId: event.service_id,
            orderingKey: built.customerId,
            webhookType: event.kind,
            payload: {
              webhook_type: event.kind,
              object_type: built.objectType,
              organization_id: settings.organizationId,
              [built.objectType]: built.object,
              // The app's own termination, told apart from Odoo closing the order (nexa.terminated_by "odoo").
              ...(event.kind === "subscription.terminated" ? { nexa: { terminated_by: "app" } } : {}),
            } as Prisma.InputJsonObject,
            nextRunAt: now,
            retryUntil,
          },
        });
      }
    }
    await tx.hubEvent.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { fannedOutAt: now } });
    return events.length;
  });
}
