import type { WebhookSignature } from "~/generated/prisma/enums";
import type { Db } from "~/server/db/client";

export interface ClaimedDelivery {
  id: string;
  webhookType: string;
  payload: unknown;
  attempts: number;
  retryUntil: Date;
  service: { id: string; webhookUrl: string | null; webhookSecret: string; webhookSignature: WebhookSignature };
}

/**
 * Claims due deliveries for this drainer. Only the oldest pending delivery of each
 * (service, customer) qualifies, so a later webhook never overtakes an earlier one that
 * is still retrying. `FOR UPDATE SKIP LOCKED` lets drainers run side by side; the claim
 * is a lease (next_run_at pushed past the HTTP timeout), not a held transaction, so a
 * drainer killed mid-delivery only delays it: another drainer retries after the lease.
 */
export async function claimDeliveries(options: { db: Db; now: Date; limit: number; leaseMs: number }): Promise<ClaimedDelivery[]> {
  const { db, now, limit, leaseMs } = options;
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT d.id FROM webhook_deliveries d
      WHERE d.state = 'pending' AND d.next_run_at <= ${now}
        AND NOT EXISTS (
          SELECT 1 FROM webhook_deliveries e
          WHERE e.service_id = d.service_id AND e.ordering_key = d.ordering_key AND e.state = 'pending' AND e.sequence < d.sequence)
      ORDER BY d.sequence
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED`;
    if (!rows.length) return [];
    const ids = rows.map((row) => row.id);
    await tx.webhookDelivery.updateMany({ where: { id: { in: ids } }, data: { nextRunAt: new Date(now.getTime() + leaseMs) } });
    return tx.webhookDelivery.findMany({
      where: { id: { in: ids } },
      select: {
        id: true, webhookType: true, payload: true, attempts: true, retryUntil: true,
        service: { select: { id: true, webhookUrl: true, webhookSecret: true, webhookSignature: true } },
      },
      orderBy: { sequence: "asc" },
    });
  });
}
