import type { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";

/** What the console reads of a service: never the key hash or webhook secret. */
export const serviceListSelect = {
  id: true, code: true, name: true, apiKeyPrefix: true, apiKeyRotatedAt: true, webhookUrl: true, webhookSignature: true, active: true, createdAt: true,
  billingMode: true, lagoApiUrl: true, lagoApiKeySealed: true,
} satisfies Prisma.ServiceSelect;
type SelectedService = Prisma.ServiceGetPayload<{ select: typeof serviceListSelect }>;
/** Everything the console shows of a service: of its Lago key only whether one is set. */
export type ServiceRow = Omit<SelectedService, "lagoApiKeySealed"> & { lagoKeySet: boolean };

/** The console's view of a service row (a full row from a write, or the list's selection). */
export function toServiceRow(service: SelectedService): ServiceRow {
  const row = Object.fromEntries(Object.keys(serviceListSelect).filter((key) => key !== "lagoApiKeySealed").map((key) => [key, service[key as keyof SelectedService]]));
  return { ...row, lagoKeySet: service.lagoApiKeySealed !== null } as ServiceRow;
}

const SORTABLE = ["code", "name", "active", "billingMode", "apiKeyRotatedAt", "createdAt"] as const;

export async function searchServices(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<ServiceRow>> {
  const { query } = options;
  const where = tableWhere<Prisma.ServiceWhereInput>(query, { search: ["code", "name"], filters: { active: (active) => ({ active: active === "true" }), billingMode: (mode) => (mode === "shadow" || mode === "live" ? { billingMode: mode } : {}) } });
  return readTablePage(
    options.db.service.findMany({ where, select: serviceListSelect, ...tableWindow(query, SORTABLE, { id: "code", desc: false }) }).then((rows) => rows.map(toServiceRow)),
    options.db.service.count({ where }),
  );
}
