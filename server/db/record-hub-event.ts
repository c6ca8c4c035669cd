import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "./client";

/** The webhook types a hub change announces (Lago's names). */
export type HubEventKind = "customer.created" | "subscription.started" | "subscription.terminated";

/**
 * Records that the hub changed something an app hears about, in the caller's
 * transaction: the event exists exactly when the change committed. The webhook drain
 * fans it out (server/webhooks/fan-out-hub-events.ts); domain code never sends webhooks.
 */
export async function recordHubEvent(
  db: DbOrTx,
  event: { kind: HubEventKind; serviceId: string; subjectId: string; occurredAt: Date; data?: Prisma.InputJsonObject },
): Promise<void> {
  await db.hubEvent.create({ data: { ...event, data: event.data ?? {} } });
}
