import type { BillableMetric } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { visibleTo } from "./catalog-writer";

/** `serviceId`: read as that service's key (its own and shared metrics only). */
export async function findBillableMetric(options: { db: DbOrTx; code: string; serviceId?: string }): Promise<BillableMetric> {
  const metric = await options.db.billableMetric.findFirst({ where: { code: options.code, ...visibleTo(options.serviceId) } });
  if (!metric) throw notFound("billable_metric");
  return metric;
}
