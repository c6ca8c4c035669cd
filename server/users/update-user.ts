import type { UserRole } from "~/generated/prisma/enums";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { AppError, notFound } from "~/server/errors";
import { type ConsoleUser, consoleUserSelect } from "./console-user";

/**
 * Changes a user's name, role or active flag. Admins cannot lock themselves out.
 * Disabling also revokes the user's sessions, so re-enabling does not revive them.
 */
export async function updateUser(options: {
  db: DbOrTx;
  id: string;
  changes: { name?: string | null; role?: UserRole; active?: boolean };
  actorId: string;
}): Promise<ConsoleUser> {
  const { id, changes, actorId } = options;
  if (id === actorId && (changes.active === false || (changes.role && changes.role !== "admin"))) {
    throw new AppError("forbidden", "you cannot demote or disable your own account");
  }
  return inTransaction(options.db, async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: consoleUserSelect });
    if (!before) throw notFound("user");
    const revoke = changes.active === false && before.active;
    const after = await tx.user.update({ where: { id }, data: { ...changes, ...(revoke ? { sessionVersion: { increment: 1 } } : {}) }, select: consoleUserSelect });
    await recordAudit(tx, { actorId, action: "user.update", entityType: "user", entityId: id, before, after });
    return after;
  });
}
