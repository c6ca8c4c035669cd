import type { Prisma, TerminationCreditNote } from "~/generated/prisma/client";
import { type AuditActor, recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { recordHubEvent } from "~/server/db/record-hub-event";
import { enqueueLagoForward } from "~/server/lago-forward/enqueue-lago-forward";
import { notFound } from "~/server/errors";
import { effectiveStatus } from "./effective-status";
import { LIVE_STATUSES, type SubscriptionWithRelations, subscriptionWithRelations } from "./subscription-input";

/**
 * Lago's DELETE /subscriptions/{external_id}: terminates an active one, cancels a pending
 * one. `announce` records Lago's subscription.terminated (sent for both, as Lago does)
 * in the same transaction, so the app hears it now, not when Odoo closes the order after
 * its final invoice; that later churn is then not announced again (recordLifecycleEvent).
 */
export async function terminateSubscription(options: {
  db: DbOrTx;
  serviceId: string;
  externalId: string;
  announce?: boolean;
  now?: Date;
  actor?: AuditActor;
  /** Forward the termination to Lago while the service is shadow (API writes only). */
  forward?: boolean;
  /** DELETE's on_termination_credit_note, kept on the subscription; absent: what it holds (Lago's default: credit). */
  creditNote?: TerminationCreditNote;
}): Promise<SubscriptionWithRelations> {
  const now = options.now ?? new Date();
  return inTransaction(options.db, async (tx) => {
    const subscription = await tx.subscription.findUnique({
      where: { serviceId_externalId: { serviceId: options.serviceId, externalId: options.externalId } },
    });
    if (!subscription || !LIVE_STATUSES.includes(subscription.status)) throw notFound("subscription");
    const data: Prisma.SubscriptionUpdateInput =
      effectiveStatus(subscription, now) === "pending"
        ? { status: "canceled", canceledAt: now }
        : {
          status: "terminated",
          terminatedAt: subscription.endingAt && subscription.endingAt < now ? subscription.endingAt : now,
          ...(options.creditNote ? { onTerminationCreditNote: options.creditNote } : {}),
        };
    const ended = await tx.subscription.update({ where: { id: subscription.id }, data, include: subscriptionWithRelations });
    if (options.announce) await recordHubEvent(tx, { kind: "subscription.terminated", serviceId: ended.serviceId, subjectId: ended.id, occurredAt: now });
    await recordAudit(tx, { ...options.actor, action: "subscription.terminate", entityType: "subscription", entityId: ended.id, before: subscription, after: ended });
    if (options.forward) {
      // Lago is told the same credit note option, so it credits (or not) what the hub would.
      const query = options.creditNote ? `?on_termination_credit_note=${options.creditNote}` : "";
      await enqueueLagoForward(tx, { serviceId: options.serviceId, customerKey: ended.accountLinkId, method: "DELETE", path: `/subscriptions/${encodeURIComponent(options.externalId)}${query}` });
    }
    return ended;
  });
}
