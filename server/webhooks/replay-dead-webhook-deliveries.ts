import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { notFound } from "~/server/errors";
import { isUuid } from "~/server/lib/uuid";
import { replayedState } from "./replayed-state";
import type { WebhookSettings } from "./webhook-settings";

/**
 * Queues every dead delivery of a service again (e.g. after its endpoint is fixed);
 * returns how many. The service is named by id or by code (console, CLI, cron route);
 * `actorId` (a console user) audits the replay with the service and the count.
 */
export async function replayDeadWebhookDeliveries(
  options: { db: DbOrTx; actorId?: string; settings: WebhookSettings; now?: Date } & ({ serviceId: string } | { serviceCode: string }),
): Promise<{ count: number }> {
  const where = "serviceId" in options ? { id: options.serviceId } : { code: options.serviceCode };
  return inTransaction(options.db, async (tx) => {
    const service = where.id !== undefined && !isUuid(where.id) ? null : await tx.service.findFirst({ where, select: { id: true, code: true } });
    if (!service) throw notFound("service");
    const result = await tx.webhookDelivery.updateMany({ where: { serviceId: service.id, state: "dead" }, data: replayedState(options.now ?? new Date(), options.settings.retryWindowHours) });
    await recordAudit(tx, { actorId: options.actorId, action: "webhook_delivery.replay_dead", entityType: "service", entityId: service.code, after: { count: result.count } });
    return { count: result.count };
  });
}
