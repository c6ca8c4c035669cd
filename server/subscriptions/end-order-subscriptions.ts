import type { DbOrTx } from "~/server/db/client";

/**
 * Ends the hub subscriptions billed on an Odoo order that Odoo has closed: active ones are
 * terminated at `at`, pending ones canceled, so the API stops reporting them live and
 * usage after that instant is not billed. Both remember that Odoo closed them (and why),
 * which tells them apart from an app's termination and lets Odoo reopen them. Run it in
 * the transaction that records why. Returns the subscriptions it ended: those already
 * ended by the app were told then.
 */
export async function endOrderSubscriptions(options: { db: DbOrTx; odooOrderId: number; at: Date; reason: string | null }): Promise<string[]> {
  const { db, odooOrderId, at } = options;
  const live = await db.subscription.findMany({ where: { odooOrderId, status: { in: ["active", "pending"] } }, select: { id: true } });
  const closed = { odooClosedAt: at, odooCloseReason: options.reason };
  await db.subscription.updateMany({ where: { odooOrderId, status: "active" }, data: { status: "terminated", terminatedAt: at, ...closed } });
  await db.subscription.updateMany({ where: { odooOrderId, status: "pending" }, data: { status: "canceled", canceledAt: at, ...closed } });
  return live.map((subscription) => subscription.id);
}
