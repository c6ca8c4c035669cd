import type { DbOrTx } from "~/server/db/client";
import { type PageWindow, pageWindow } from "~/server/db/table-query";

export async function listBillableMetrics(options: { db: DbOrTx; page: PageWindow }) {
  const [metrics, totalCount] = await Promise.all([
    options.db.billableMetric.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageWindow(options.page) }),
    options.db.billableMetric.count(),
  ]);
  return { metrics, totalCount };
}
