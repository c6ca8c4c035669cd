import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { toPlainJson } from "~/server/lib/plain-json";

// Credentials never enter the audit trail, whichever entity a snapshot comes from.
const SECRET_KEYS = new Set(["apiKeyHash", "webhookSecret", "passwordHash"]);

/** A JSON snapshot: bigints as strings, dates as ISO strings, secrets dropped. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return toPlainJson(value, SECRET_KEYS) as Prisma.InputJsonValue;
}

export interface AuditEntry {
  /** The console user making the change; absent for API-key callers, which are not audited here. */
  actorId?: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Call inside the change's own transaction so a change is never stored unaudited. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  if (!entry.actorId) return;
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toAuditJson(entry.before),
      after: toAuditJson(entry.after),
    },
  });
}
