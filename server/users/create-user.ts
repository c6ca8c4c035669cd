import type { UserRole } from "~/generated/prisma/enums";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { validationFailed } from "~/server/errors";
import { type ConsoleUser, consoleUserSelect, normalizeEmail } from "./console-user";
import { hashPassword } from "./password";

export async function createUser(options: {
  db: DbOrTx;
  email: string;
  name?: string | null;
  password: string;
  role: UserRole;
  actorId?: string;
}): Promise<ConsoleUser> {
  const passwordHash = await hashPassword(options.password);
  try {
    return await inTransaction(options.db, async (tx) => {
      const user = await tx.user.create({
        data: { email: normalizeEmail(options.email), name: options.name ?? null, passwordHash, role: options.role },
        select: consoleUserSelect,
      });
      await recordAudit(tx, { actorId: options.actorId, action: "user.create", entityType: "user", entityId: user.id, after: user });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed({ email: ["value_already_exist"] });
    throw error;
  }
}
