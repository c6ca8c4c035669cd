import type { DbOrTx } from "~/server/db/client";
import { type ConsoleUser, consoleUserSelect, normalizeEmail } from "./console-user";
import { getUnknownUserHash, hashPassword, isLegacyHash, verifyPassword } from "./password";

/**
 * The active user with this email and password (and the session version its new session
 * carries), or null: same answer, same time, for every failure. A bcrypt-era hash is
 * replaced by an scrypt one once the password is known to be right.
 */
export async function verifyCredentials(options: { db: DbOrTx; email: string; password: string }): Promise<(ConsoleUser & { sessionVersion: number }) | null> {
  const user = await options.db.user.findUnique({
    where: { email: normalizeEmail(options.email) },
    select: { ...consoleUserSelect, passwordHash: true, sessionVersion: true },
  });
  const matches = await verifyPassword(options.password, user?.passwordHash ?? (await getUnknownUserHash()));
  if (!user || !matches || !user.active) return null;
  if (isLegacyHash(user.passwordHash)) {
    await options.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(options.password) } });
  }
  const { passwordHash: _hash, ...consoleUser } = user;
  return consoleUser;
}
