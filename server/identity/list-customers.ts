import type { DbOrTx } from "~/server/db/client";
import { type Pagination, pageWindow } from "~/server/lago-api/pagination";

export async function listCustomers(options: { db: DbOrTx; serviceId: string; pagination: Pagination }) {
  const where = { serviceId: options.serviceId, deletedAt: null };
  const [customers, totalCount] = await Promise.all([
    options.db.accountLink.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageWindow(options.pagination) }),
    options.db.accountLink.count({ where }),
  ]);
  return { customers, totalCount };
}
