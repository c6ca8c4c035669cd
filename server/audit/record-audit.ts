import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { toPlainJson } from "~/server/lib/plain-json";

// Credentials never enter the audit trail, whichever entity a snapshot comes from.
const SECRET_KEYS = new Set(["apiKeyHash", "webhookSecret", "passwordHash", "lagoApiKeySealed"]);

/** A JSON snapshot: bigints as strings, dates as ISO strings, secrets dropped. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return toPlainJson(value, SECRET_KEYS) as Prisma.InputJsonValue;
}

export interface AuditEntry {
  /** The console user making the change. */
  actorId?: string;
  /** Or the service whose API key made it. Neither = a trusted script (seed, CLI): not audited. */
  actorServiceId?: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Who a change is recorded against: a console user or a service's API key. */
export type AuditActor = Pick<AuditEntry, "actorId" | "actorServiceId">;

/**
 * Call inside the change's own transaction so a change is never stored unaudited. A bulk
 * change passes one entry per row it changed (written in one statement).
 */
export async function recordAudit(db: DbOrTx, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const audited = (Array.isArray(entries) ? entries : [entries] as readonly AuditEntry[]).filter((entry) => entry.actorId || entry.actorServiceId);
  if (!audited.length) return;
  await db.auditLog.createMany({
    data: audited.map((entry) => ({
      // One actor per row: a user acting in the console wins over the service it acts for.
      ...(entry.actorId ? { actorId: entry.actorId } : { actorServiceId: entry.actorServiceId }),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toAuditJson(entry.before),
      after: toAuditJson(entry.after),
    })),
  });
}
