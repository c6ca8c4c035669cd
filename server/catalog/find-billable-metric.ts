import type { BillableMetric } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";

export async function findBillableMetric(options: { db: DbOrTx; code: string }): Promise<BillableMetric> {
  const metric = await options.db.billableMetric.findUnique({ where: { code: options.code } });
  if (!metric) throw notFound("billable_metric");
  return metric;
}
