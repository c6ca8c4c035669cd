import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";
import { auditCustomerId, auditEntityName } from "./audit-entity-name";
import { diffSnapshots, type SnapshotChange } from "./diff-snapshots";

const auditRowInclude = {
  actor: { select: { email: true, name: true } },
  actorService: { select: { code: true, name: true } },
} satisfies Prisma.AuditLogInclude;

/** Who made a change: a console user or a service through its API key. */
export type AuditActor = { kind: "user"; name: string; email: string } | { kind: "service"; name: string; code: string };

export interface AuditRow {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  entityName: string;
  /** Set when the entity belongs to a billing customer: the console links its page. */
  customerId: string | null;
  actor: AuditActor;
  changes: SnapshotChange[];
}

const SORTABLE = ["createdAt", "action", "entityType"] as const;

function presentActor(row: Prisma.AuditLogGetPayload<{ include: typeof auditRowInclude }>): AuditActor {
  if (row.actor) return { kind: "user", name: row.actor.name ?? row.actor.email, email: row.actor.email };
  return { kind: "service", name: row.actorService?.name ?? "unknown service", code: row.actorService?.code ?? "" };
}

/** The audit log as the admin screen shows it: actors and entities by name, and what each change changed. */
export async function searchAuditLogs(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<AuditRow>> {
  const { query } = options;
  const where = tableWhere<Prisma.AuditLogWhereInput>(query, { search: ["action", "entityId"], filters: { entityType: (entityType) => ({ entityType }) } });
  const page = await readTablePage(
    options.db.auditLog.findMany({ where, include: auditRowInclude, ...tableWindow(query, SORTABLE, { id: "createdAt", desc: true }) }),
    options.db.auditLog.count({ where }),
  );
  return {
    ...page,
    rows: page.rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      entityName: auditEntityName(row.entityType, row.entityId, row.before, row.after),
      customerId: auditCustomerId(row.entityType, row.entityId, row.before, row.after),
      actor: presentActor(row),
      changes: diffSnapshots(row.before, row.after),
    })),
  };
}
