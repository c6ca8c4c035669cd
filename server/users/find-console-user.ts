import type { DbOrTx } from "~/server/db/client";
import { type ConsoleUser, consoleUserSelect } from "./console-user";

/**
 * Re-reads the session's user on every request: a JWT outlives a role change or a
 * deactivation, the database row does not.
 */
export async function findConsoleUser(options: { db: DbOrTx; id: string }): Promise<ConsoleUser | null> {
  const user = await options.db.user.findUnique({ where: { id: options.id }, select: consoleUserSelect });
  return user?.active ? user : null;
}
