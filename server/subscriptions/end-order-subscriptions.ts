import type { DbOrTx } from "~/server/db/client";

/**
 * Ends the hub subscriptions billed on an Odoo order that Odoo has closed: active ones are
 * terminated at `at`, pending ones canceled, so the API stops reporting them live and
 * usage after that instant is not billed. Run it in the transaction that records why.
 */
export async function endOrderSubscriptions(options: { db: DbOrTx; odooOrderId: number; at: Date }): Promise<void> {
  const { db, odooOrderId, at } = options;
  await db.subscription.updateMany({ where: { odooOrderId, status: "active" }, data: { status: "terminated", terminatedAt: at } });
  await db.subscription.updateMany({ where: { odooOrderId, status: "pending" }, data: { status: "canceled", canceledAt: at } });
}
