import type { Db } from "~/server/db/client";

export interface ClaimedLagoForward {
  id: string;
  method: string;
  path: string;
  body: unknown;
  attempts: number;
  service: { id: string; lagoApiUrl: string | null; lagoApiKeySealed: string | null };
}

/**
 * Claims due forwards for this drainer under a lease. Only a customer's oldest pending
 * forward qualifies, so a subscription never reaches Lago before its customer, nor an
 * event before its subscription. `FOR UPDATE SKIP LOCKED` lets drainers run side by side;
 * a drainer killed mid-request only delays its rows until the lease ends, and the resend
 * meets Lago's idempotency (classifyLagoAnswer).
 */
export async function claimLagoForwards(options: { db: Db; now: Date; limit: number; leaseMs: number; owner: string }): Promise<ClaimedLagoForward[]> {
  const { db, now, limit, leaseMs, owner } = options;
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT f.id FROM lago_forwards f
      WHERE f.status = 'pending' AND f.next_attempt_at <= ${now} AND (f.lease_until IS NULL OR f.lease_until <= ${now})
        AND NOT EXISTS (
          SELECT 1 FROM lago_forwards e
          WHERE e.service_id = f.service_id AND e.customer_key = f.customer_key AND e.status = 'pending' AND e.sequence < f.sequence)
      ORDER BY f.sequence
      LIMIT ${limit}
      FOR UPDATE OF f SKIP LOCKED`;
    if (!rows.length) return [];
    const ids = rows.map((row) => row.id);
    await tx.lagoForward.updateMany({ where: { id: { in: ids } }, data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) } });
    return tx.lagoForward.findMany({
      where: { id: { in: ids } },
      select: { id: true, method: true, path: true, body: true, attempts: true, service: { select: { id: true, lagoApiUrl: true, lagoApiKeySealed: true } } },
      orderBy: { sequence: "asc" },
    });
  });
}
