import type { DbOrTx } from "~/server/db/client";
import { type PageWindow, pageWindow } from "~/server/db/table-query";

export async function listCustomers(options: { db: DbOrTx; serviceId: string; page: PageWindow }) {
  const where = { serviceId: options.serviceId, deletedAt: null };
  const [customers, totalCount] = await Promise.all([
    options.db.accountLink.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageWindow(options.page) }),
    options.db.accountLink.count({ where }),
  ]);
  return { customers, totalCount };
}
