import { visibleTo } from "~/server/catalog/catalog-writer";
import { type AuditActor, recordAudit } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import { recordHubEvent } from "~/server/db/record-hub-event";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { notFound, validationFailed } from "~/server/errors";
import { enqueueLagoForward } from "~/server/lago-forward/enqueue-lago-forward";
import { findOrCreateCustomer } from "~/server/identity/find-or-create-customer";
import { planChangeTiming } from "./plan-change-timing";
import { planHistoryAfterChange } from "./plan-of-period";
import { LIVE_STATUSES, type SubscriptionInput, type SubscriptionWithRelations, subscriptionWithRelations } from "./subscription-input";

/**
 * Lago's POST /subscriptions. Same external id, customer and plan → the existing
 * subscription (a safe retry). Same external id on another plan → a plan change, at
 * once for an upgrade (the period's fee and usage are then priced on the new plan, and
 * Odoo's order gets its fee line, alignOrder) and when the period ends for a downgrade,
 * as Lago does (planChangeTiming; settleDueSubscriptions applies it). The new plan must
 * bill on the same rhythm, in the same currency and at the same point of the period (pay
 * in advance or in arrears): the Odoo order invoices on that rhythm and cannot change it.
 * An external id held by another customer, or by an ended subscription, is refused. Only
 * the service's own or shared plans can be subscribed to.
 *
 * `announce` records Lago's subscription.started with a subscription that starts now or
 * in the past (one starting later announces itself when it activates,
 * settleDueSubscriptions), in the creating transaction. The API announces; an import
 * of subscriptions the app already knows does not.
 */
export async function createSubscription(options: {
  db: Db;
  serviceId: string;
  input: SubscriptionInput;
  announce?: boolean;
  now?: Date;
  /** Audited for the write (the service, for an API call). */
  actor?: AuditActor;
  /** The app's request body, forwarded to Lago while the service is shadow (API writes only). */
  forwardBody?: unknown;
}): Promise<{ subscription: SubscriptionWithRelations; created: boolean }> {
  const { db, serviceId, input } = options;
  const now = options.now ?? new Date();
  // A service subscribes to its own plans or shared ones; another service's does not exist for it.
  const plan = await db.plan.findFirst({ where: { code: input.planCode, ...visibleTo(serviceId) } });
  if (!plan) throw notFound("plan");
  if (input.endingAt && input.endingAt <= (input.subscriptionAt ?? now)) throw validationFailed({ ending_at: ["invalid_date"] });
  const forward = (tx: Parameters<typeof enqueueLagoForward>[0], customerKey: string) =>
    options.forwardBody === undefined ? Promise.resolve(false) : enqueueLagoForward(tx, { serviceId, customerKey, method: "POST", path: "/subscriptions", body: options.forwardBody });
  const where = { serviceId_externalId: { serviceId, externalId: input.externalId } };
  const existing = await db.subscription.findUnique({ where, include: subscriptionWithRelations });
  // Every refusal comes before the customer is created: a refused request stores nothing.
  if (existing && (existing.accountLink.externalId !== input.externalCustomerId || !LIVE_STATUSES.includes(existing.status))) {
    throw validationFailed({ external_id: ["value_already_exist"] });
  }
  const current = existing?.plan;
  if (current && current.id !== plan.id && (current.interval !== plan.interval || current.payInAdvance !== plan.payInAdvance || current.amountCurrency !== plan.amountCurrency)) {
    throw validationFailed({ plan_code: ["incompatible_with_current_plan"] });
  }

  // Lago creates an unknown customer on the fly rather than answering 404.
  const customer = await findOrCreateCustomer({ db, serviceId, externalId: input.externalCustomerId, actor: options.actor });
  if (existing) {
    // A customer deleted and re-created since is another account: not the subscription's.
    if (existing.accountLinkId !== customer.id) throw validationFailed({ external_id: ["value_already_exist"] });
    if (existing.planId === plan.id) return { subscription: existing, created: false };
    const timing = planChangeTiming(existing, plan, now);
    const changed = await db.$transaction(async (tx) => {
      const updated = await tx.subscription.update({
        where: { id: existing.id },
        data: timing.kind === "now"
          ? { planId: plan.id, ...planHistoryAfterChange(existing, now), nextPlanId: null, downgradeAt: null }
          : { nextPlanId: plan.id, downgradeAt: timing.at },
        include: subscriptionWithRelations,
      });
      await recordAudit(tx, {
        ...options.actor, action: timing.kind === "now" ? "subscription.plan_change" : "subscription.downgrade_scheduled",
        entityType: "subscription", entityId: existing.id, before: existing, after: updated,
      });
      await forward(tx, customer.id);
      return updated;
    });
    return { subscription: changed, created: false };
  }

  const subscriptionAt = input.subscriptionAt ?? now;
  const startsNow = subscriptionAt <= now;
  try {
    const subscription = await db.$transaction(async (tx) => {
      const created = await tx.subscription.create({
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
      if (options.announce && startsNow) {
        await recordHubEvent(tx, { kind: "subscription.started", serviceId, subjectId: created.id, occurredAt: now });
      }
      await recordAudit(tx, { ...options.actor, action: "subscription.create", entityType: "subscription", entityId: created.id, after: created });
      await forward(tx, customer.id);
      return created;
    });
    return { subscription, created: true };
  } catch (error) {
    if (isUniqueViolation(error)) return createSubscription(options);
    throw error;
  }
}
