import type { Prisma, TerminationCreditNote } from "~/generated/prisma/client";
import { type AuditActor, recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { enqueueLagoForward } from "~/server/lago-forward/enqueue-lago-forward";
import { notFound, validationFailed } from "~/server/errors";
import { effectiveStatus } from "./effective-status";
import { LIVE_STATUSES, type SubscriptionWithRelations, subscriptionWithRelations } from "./subscription-input";

/** What PUT /subscriptions/{external_id} may change; an absent key keeps its value. */
export interface SubscriptionChanges {
  name?: string | null;
  /** null removes the end date. */
  endingAt?: Date | null;
  /** Only while the subscription has not started (Lago's rule). */
  subscriptionAt?: Date;
  /** Whether a prepaid plan's unused days are credited when it ends (Lago's on_termination_credit_note). */
  onTerminationCreditNote?: TerminationCreditNote;
}

/**
 * Lago's PUT /subscriptions/{external_id} on a live subscription. Where Lago would quietly
 * skip a change (a start date of a subscription already started), the hub says so with a
 * 422 naming the field. A start moved into the past activates the subscription the way
 * time would (settleDueSubscriptions announces subscription.started); an end date is
 * carried to Odoo by the usage push, as one set at creation.
 */
export async function updateSubscription(options: {
  db: DbOrTx;
  serviceId: string;
  externalId: string;
  changes: SubscriptionChanges;
  now?: Date;
  actor?: AuditActor;
  /** The app's request body, forwarded to Lago while the service is shadow (API writes only). */
  forwardBody?: unknown;
}): Promise<SubscriptionWithRelations> {
  const { changes } = options;
  const now = options.now ?? new Date();
  return inTransaction(options.db, async (tx) => {
    const subscription = await tx.subscription.findUnique({
      where: { serviceId_externalId: { serviceId: options.serviceId, externalId: options.externalId } },
    });
    if (!subscription || !LIVE_STATUSES.includes(subscription.status) || effectiveStatus(subscription, now) === "terminated") throw notFound("subscription");
    const pending = effectiveStatus(subscription, now) === "pending";
    if (changes.subscriptionAt !== undefined && !pending && changes.subscriptionAt.getTime() !== subscription.subscriptionAt.getTime()) {
      throw validationFailed({ subscription_at: ["cannot_be_changed_once_started"] });
    }
    const subscriptionAt = changes.subscriptionAt ?? subscription.subscriptionAt;
    const endingAt = changes.endingAt === undefined ? subscription.endingAt : changes.endingAt;
    if (endingAt && (endingAt <= now || endingAt <= subscriptionAt)) throw validationFailed({ ending_at: ["invalid_date"] });
    const data: Prisma.SubscriptionUpdateInput = {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.endingAt !== undefined ? { endingAt } : {}),
      ...(changes.subscriptionAt !== undefined ? { subscriptionAt } : {}),
      ...(changes.onTerminationCreditNote ? { onTerminationCreditNote: changes.onTerminationCreditNote } : {}),
    };
    const updated = await tx.subscription.update({ where: { id: subscription.id }, data, include: subscriptionWithRelations });
    await recordAudit(tx, { ...options.actor, action: "subscription.update", entityType: "subscription", entityId: updated.id, before: subscription, after: updated });
    if (options.forwardBody !== undefined) {
      await enqueueLagoForward(tx, { serviceId: options.serviceId, customerKey: updated.accountLinkId, method: "PUT", path: `/subscriptions/${encodeURIComponent(options.externalId)}`, body: options.forwardBody });
    }
    return updated;
  });
}
