import type { DbOrTx } from "~/server/db/client";
import { type ConsoleUser, consoleUserSelect, normalizeEmail } from "./console-user";
import { UNKNOWN_USER_HASH, verifyPassword } from "./password";

/** The active user with this email and password, or null (same answer, same time, for every failure). */
export async function verifyCredentials(options: { db: DbOrTx; email: string; password: string }): Promise<ConsoleUser | null> {
  const user = await options.db.user.findUnique({
    where: { email: normalizeEmail(options.email) },
    select: { ...consoleUserSelect, passwordHash: true },
  });
  const matches = await verifyPassword(options.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !matches || !user.active) return null;
  const { passwordHash: _hash, ...consoleUser } = user;
  return consoleUser;
}
