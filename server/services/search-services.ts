import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableFilter, tableOrderBy, tableSearch, pageWindow, readTablePage } from "~/server/db/table-query";

/** Everything the console shows of a service: never the key hash or webhook secret. */
export const serviceListSelect = {
  id: true, code: true, name: true, apiKeyPrefix: true, apiKeyRotatedAt: true, webhookUrl: true, webhookSignature: true, active: true, createdAt: true,
} satisfies Prisma.ServiceSelect;
export type ServiceRow = Prisma.ServiceGetPayload<{ select: typeof serviceListSelect }>;

const SORTABLE = ["code", "name", "active", "apiKeyRotatedAt", "createdAt"] as const;
const FILTERABLE = ["active"] as const;

export async function searchServices(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<ServiceRow>> {
  const { query } = options;
  const active = tableFilter(query, FILTERABLE, "active");
  const where: Prisma.ServiceWhereInput = { ...tableSearch(query, ["code", "name"]), ...(active ? { active: active === "true" } : {}) };
  return readTablePage(
    options.db.service.findMany({ where, select: serviceListSelect, orderBy: tableOrderBy(query, SORTABLE, { id: "code", desc: false }), ...pageWindow(query) }),
    options.db.service.count({ where }),
  );
}
