import { recordAudit } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import { AppError, notFound, validationFailed } from "~/server/errors";
import { enqueueLagoForward } from "~/server/lago-forward/enqueue-lago-forward";
import { isoSeconds } from "~/server/lago-api/wire-common";
import { nextMonthBoundary, subscriptionsOffBoundary } from "./cutover-boundary";
import { getMigrationGate } from "./get-migration-gate";

/**
 * Schedules a shadow service's move from Lago to Odoo at a period boundary (by default
 * the next 1st of a month, UTC). Refused unless the migration gate is green, the operator
 * typed the service's code, and `at` is a boundary of every live subscription of the
 * service. Each subscription's Lago `ending_at` is set to the boundary through the
 * forwarding outbox, so Lago itself ends it there: it bills the last period and nothing
 * after. When the boundary comes, completeDueCutovers turns the service live, and the
 * planner gives Odoo orders that start at the boundary. Audited with what was decided.
 */
export async function scheduleCutover(options: { db: Db; serviceCode: string; confirmation: string; at?: Date; now?: Date; actorId?: string }) {
  const { db } = options;
  const now = options.now ?? new Date();
  const at = options.at ?? nextMonthBoundary(now);
  if (options.confirmation !== options.serviceCode) throw validationFailed({ confirmation: ["type_the_service_code"] });
  if (at <= now) throw validationFailed({ at: ["must_be_in_the_future"] });
  const gate = await getMigrationGate({ db, serviceCode: options.serviceCode, now });
  if (gate.billingMode !== "shadow") throw new AppError("not_allowed", "the service is already billed by Odoo (live): there is nothing to cut over");
  if (!gate.green) throw new AppError("not_allowed", `the migration gate is red: ${gate.reason}`, { details: { gate: ["not_green"] } });

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM services WHERE code = ${options.serviceCode} FOR UPDATE`;
    const service = await tx.service.findUnique({ where: { code: options.serviceCode }, select: { id: true, code: true, billingMode: true, cutoverAt: true } });
    if (!service) throw notFound("service");
    if (service.billingMode !== "shadow") throw new AppError("not_allowed", "the service is already billed by Odoo (live): there is nothing to cut over");
    if (service.cutoverAt) throw new AppError("not_allowed", `a cutover is already scheduled at ${service.cutoverAt.toISOString()}: roll it back first to choose another`);
    const subscriptions = await tx.subscription.findMany({
      where: { serviceId: service.id, status: { in: ["active", "pending"] } },
      select: { externalId: true, accountLinkId: true, billingTime: true, subscriptionAt: true, endingAt: true, plan: { select: { interval: true } } },
      orderBy: { externalId: "asc" },
    });
    const off = subscriptionsOffBoundary(subscriptions.map((s) => ({ externalId: s.externalId, interval: s.plan.interval, billingTime: s.billingTime, subscriptionAt: s.subscriptionAt })), at);
    if (off.length) {
      throw new AppError("validation_errors", `${off.length} subscription(s) do not turn a period at ${at.toISOString()}`, {
        details: { at: ["not_a_period_boundary"], subscriptions: Object.fromEntries(off.map((s) => [s.externalId, [s.why]])) },
      });
    }
    // Subscriptions already ending by the boundary end in Lago on their own.
    const handedOver = subscriptions.filter((s) => !s.endingAt || s.endingAt > at);
    for (const subscription of handedOver) {
      await enqueueLagoForward(tx, {
        serviceId: service.id, customerKey: subscription.accountLinkId, method: "PUT",
        path: `/subscriptions/${encodeURIComponent(subscription.externalId)}`,
        body: { subscription: { ending_at: isoSeconds(at) } },
      });
    }
    const after = await tx.service.update({ where: { id: service.id }, data: { cutoverAt: at }, select: { code: true, billingMode: true, cutoverAt: true } });
    await recordAudit(tx, {
      actorId: options.actorId, action: "service.schedule_cutover", entityType: "service", entityId: service.id,
      before: { cutoverAt: null },
      after: { cutoverAt: at.toISOString(), gate: gate.reason, lagoSubscriptionsEnding: handedOver.map((s) => s.externalId) },
    });
    return { ...after, lagoSubscriptionsEnding: handedOver.length };
  });
}
