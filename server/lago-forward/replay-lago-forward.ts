import type { LagoForward } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { notFound } from "~/server/errors";
import { isUuid } from "~/server/lib/uuid";

/**
 * Sends a dead forward again (once Lago's problem is fixed): pending from now with its
 * attempts reset, in its place in the customer's order; its last Lago answer stays until
 * the next one replaces it. Only a dead forward replays: a pending one is on its way, a
 * delivered one is in Lago. `actorId` (a console user) audits it in the same transaction.
 */
export async function replayLagoForward(options: { db: DbOrTx; id: string; actorId?: string; now?: Date }): Promise<LagoForward> {
  if (!isUuid(options.id)) throw notFound("lago_forward");
  return inTransaction(options.db, async (tx) => {
    const before = await tx.lagoForward.findFirst({ where: { id: options.id, status: "dead" } });
    if (!before) throw notFound("lago_forward");
    const after = await tx.lagoForward.update({
      where: { id: before.id },
      data: { status: "pending", attempts: 0, nextAttemptAt: options.now ?? new Date(), leaseOwner: null, leaseUntil: null },
    });
    await recordAudit(tx, { actorId: options.actorId, action: "lago_forward.replay", entityType: "lago_forward", entityId: after.id, before, after });
    return after;
  });
}
