import type { DbOrTx } from "~/server/db/client";

/**
 * Odoo reopened an order it had closed on its own (a late payment): the hub subscriptions
 * that closing ended run again, billed from the reopening as if never ended; one the app
 * terminated itself stays terminated. Returns the subscriptions it reopened.
 */
export async function reopenOrderSubscriptions(options: { db: DbOrTx; odooOrderId: number }): Promise<string[]> {
  const { db, odooOrderId } = options;
  const closed = await db.subscription.findMany({ where: { odooOrderId, odooClosedAt: { not: null } }, select: { id: true, status: true } });
  const reopened = { odooClosedAt: null, odooCloseReason: null };
  const ids = (status: string) => closed.filter((s) => s.status === status).map((s) => s.id);
  await db.subscription.updateMany({ where: { id: { in: ids("terminated") } }, data: { status: "active", terminatedAt: null, ...reopened } });
  await db.subscription.updateMany({ where: { id: { in: ids("canceled") } }, data: { status: "pending", canceledAt: null, ...reopened } });
  return closed.map((s) => s.id);
}
