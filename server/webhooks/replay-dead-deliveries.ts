import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { isUuid } from "~/server/lib/uuid";
import { replayedState } from "./replay-delivery";

/**
 * Queues every dead delivery of a service again (e.g. after its endpoint is fixed);
 * returns how many. The service is named by id (console) or code (CLI, cron route).
 */
export async function replayDeadDeliveries(
  options: { db: DbOrTx; now?: Date } & ({ serviceId: string } | { serviceCode: string }),
): Promise<{ count: number }> {
  const { db } = options;
  const where = "serviceId" in options ? { id: options.serviceId } : { code: options.serviceCode };
  const service = where.id !== undefined && !isUuid(where.id) ? null : await db.service.findFirst({ where, select: { id: true } });
  if (!service) throw notFound("service");
  const { count } = await db.webhookDelivery.updateMany({
    where: { serviceId: service.id, state: "dead" },
    data: replayedState(options.now ?? new Date()),
  });
  return { count };
}
