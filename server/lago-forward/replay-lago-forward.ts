import type { Db } from "~/server/db/client";
import { notFound } from "~/server/errors";

/**
 * Sends a dead forward again: pending from now with its attempts reset; its last Lago
 * answer stays until the next one replaces it. Without `id`, every dead forward of
 * `serviceId` (after Lago's problem was fixed). Returns how many were replayed.
 */
export async function replayLagoForward(options: { db: Db; id?: string; serviceId?: string; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const where = options.id ? { id: options.id, status: "dead" as const } : { serviceId: options.serviceId, status: "dead" as const };
  const { count } = await options.db.lagoForward.updateMany({ where, data: { status: "pending", attempts: 0, nextAttemptAt: now, leaseOwner: null, leaseUntil: null } });
  if (options.id && count === 0) throw notFound("lago_forward");
  return count;
}
