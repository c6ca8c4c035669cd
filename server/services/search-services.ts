import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";

/** Everything the console shows of a service: never the key hash or webhook secret. */
export const serviceListSelect = {
  id: true, code: true, name: true, apiKeyPrefix: true, apiKeyRotatedAt: true, webhookUrl: true, webhookSignature: true, active: true, createdAt: true,
} satisfies Prisma.ServiceSelect;
export type ServiceRow = Prisma.ServiceGetPayload<{ select: typeof serviceListSelect }>;

const SORTABLE = ["code", "name", "active", "apiKeyRotatedAt", "createdAt"] as const;

export async function searchServices(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<ServiceRow>> {
  const { query } = options;
  const where = tableWhere<Prisma.ServiceWhereInput>(query, { search: ["code", "name"], filters: { active: (active) => ({ active: active === "true" }) } });
  return readTablePage(
    options.db.service.findMany({ where, select: serviceListSelect, ...tableWindow(query, SORTABLE, { id: "code", desc: false }) }),
    options.db.service.count({ where }),
  );
}
