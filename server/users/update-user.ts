import type { UserRole } from "~/generated/prisma/enums";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { AppError, notFound } from "~/server/errors";
import { type ConsoleUser, consoleUserSelect } from "./console-user";

/**
 * Changes a user's name, role or active flag. Two rules keep the console governable:
 * nobody demotes or disables their own account (`own_account`), and no change leaves the
 * hub without an active admin (`last_active_admin`), even when two admins demote each
 * other at the same moment.
 */
export async function updateUser(options: {
  db: DbOrTx;
  id: string;
  changes: { name?: string | null; role?: UserRole; active?: boolean };
  actorId: string;
}): Promise<ConsoleUser> {
  const { id, changes, actorId } = options;
  const removesAdmin = changes.active === false || (changes.role !== undefined && changes.role !== "admin");
  if (id === actorId && removesAdmin) throw new AppError("forbidden", "own_account");
  return inTransaction(options.db, async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: consoleUserSelect });
    if (!before) throw notFound("user");
    if (removesAdmin && before.role === "admin" && before.active) {
      // Locking every active admin row serialises concurrent demotions; a waiting one
      // re-reads the rows after the first commits and sees who is still admin.
      const admins = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`;
      if (!admins.some((admin) => admin.id !== id)) throw new AppError("not_allowed", "last_active_admin");
    }
    // Disabling also revokes the user's sessions, so re-enabling does not revive them.
    const revoke = changes.active === false && before.active;
    const after = await tx.user.update({ where: { id }, data: { ...changes, ...(revoke ? { sessionVersion: { increment: 1 } } : {}) }, select: consoleUserSelect });
    await recordAudit(tx, { actorId, action: "user.update", entityType: "user", entityId: id, before, after });
    return after;
  });
}
