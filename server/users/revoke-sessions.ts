import type { DbOrTx } from "~/server/db/client";

/** Ends every console session of this user at its next request (sign-out, deactivation). */
export async function revokeSessions(options: { db: DbOrTx; userId: string }): Promise<void> {
  await options.db.user.updateMany({ where: { id: options.userId }, data: { sessionVersion: { increment: 1 } } });
}
