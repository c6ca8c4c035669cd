import type { DbOrTx } from "~/server/db/client";
import { type ConsoleUser, consoleUserSelect } from "./console-user";

/**
 * Re-reads the session's user on every request: a JWT outlives a role change, a
 * deactivation or a sign-out, the database row does not. A session issued under an
 * older `sessionVersion` (before a sign-out or a deactivation) is refused.
 */
export async function findConsoleUser(options: { db: DbOrTx; id: string; sessionVersion: number | undefined }): Promise<ConsoleUser | null> {
  const user = await options.db.user.findUnique({ where: { id: options.id }, select: { ...consoleUserSelect, sessionVersion: true } });
  if (!user?.active || user.sessionVersion !== options.sessionVersion) return null;
  const { sessionVersion: _version, ...consoleUser } = user;
  return consoleUser;
}
