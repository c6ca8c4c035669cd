import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableFilter, tableOrderBy, tableSearch, pageWindow, readTablePage } from "~/server/db/table-query";

const auditRowInclude = { actor: { select: { email: true } }, actorService: { select: { code: true } } } satisfies Prisma.AuditLogInclude;
export type AuditRow = Prisma.AuditLogGetPayload<{ include: typeof auditRowInclude }>;

const SORTABLE = ["createdAt", "action", "entityType"] as const;
const FILTERABLE = ["entityType"] as const;

export async function searchAuditLogs(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<AuditRow>> {
  const { query } = options;
  const entityType = tableFilter(query, FILTERABLE, "entityType");
  const where: Prisma.AuditLogWhereInput = { ...tableSearch(query, ["action", "entityId"]), ...(entityType ? { entityType } : {}) };
  return readTablePage(
    options.db.auditLog.findMany({ where, include: auditRowInclude, orderBy: tableOrderBy(query, SORTABLE, { id: "createdAt", desc: true }), ...pageWindow(query) }),
    options.db.auditLog.count({ where }),
  );
}
