import type { BillableMetric } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import { validationFailed } from "~/server/errors";
import { assertServiceMayChange, auditActorOf, type CatalogWriter, readerOf } from "./catalog-writer";
import { findBillableMetric } from "./find-billable-metric";

export async function deleteBillableMetric(options: { db: Db; code: string; writer?: CatalogWriter }): Promise<BillableMetric> {
  return options.db.$transaction(async (tx) => {
    const metric = await findBillableMetric({ db: tx, code: options.code, serviceId: readerOf(options.writer) });
    await assertServiceMayChange(tx, options.writer, metric, { plan: { charges: { some: { billableMetricId: metric.id } } } });
    const charges = await tx.charge.count({ where: { billableMetricId: metric.id } });
    if (charges > 0) throw validationFailed({ billable_metric: ["attached_to_plans"] });
    const deleted = await tx.billableMetric.delete({ where: { id: metric.id } });
    await recordAudit(tx, { ...auditActorOf(options.writer), action: "billable_metric.delete", entityType: "billable_metric", entityId: metric.id, before: metric });
    return deleted;
  });
}
