import type { BillableMetric } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { validationFailed } from "~/server/errors";
import { findBillableMetric } from "./find-billable-metric";

export async function deleteBillableMetric(options: { db: Db; code: string }): Promise<BillableMetric> {
  return options.db.$transaction(async (tx) => {
    const metric = await findBillableMetric({ db: tx, code: options.code });
    const charges = await tx.charge.count({ where: { billableMetricId: metric.id } });
    if (charges > 0) throw validationFailed({ billable_metric: ["attached_to_plans"] });
    return tx.billableMetric.delete({ where: { id: metric.id } });
  });
}
