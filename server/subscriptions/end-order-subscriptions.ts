import type { DbOrTx } from "~/server/db/client";

/**
 * Ends the hub subscriptions billed on an Odoo order that Odoo has closed: active ones are
 * terminated at `at`, pending ones canceled, so the API stops reporting them live and
 * usage after that instant is not billed. Run it in the transaction that records why.
 * Returns the subscriptions it ended: those already ended by the app were told then.
 */
export async function endOrderSubscriptions(options: { db: DbOrTx; odooOrderId: number; at: Date }): Promise<string[]> {
  const { db, odooOrderId, at } = options;
  const live = await db.subscription.findMany({ where: { odooOrderId, status: { in: ["active", "pending"] } }, select: { id: true } });
  await db.subscription.updateMany({ where: { odooOrderId, status: "active" }, data: { status: "terminated", terminatedAt: at } });
  await db.subscription.updateMany({ where: { odooOrderId, status: "pending" }, data: { status: "canceled", canceledAt: at } });
  return live.map((subscription) => subscription.id);
}
