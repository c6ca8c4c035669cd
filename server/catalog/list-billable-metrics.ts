import type { DbOrTx } from "~/server/db/client";
import { type PageWindow, pageWindow } from "~/server/db/table-query";
import { visibleTo } from "./catalog-writer";

/** `serviceId`: list as that service's key (its own and shared metrics only). */
export async function listBillableMetrics(options: { db: DbOrTx; page: PageWindow; serviceId?: string }) {
  const where = visibleTo(options.serviceId);
  const [metrics, totalCount] = await Promise.all([
    options.db.billableMetric.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageWindow(options.page) }),
    options.db.billableMetric.count({ where }),
  ]);
  return { metrics, totalCount };
}
