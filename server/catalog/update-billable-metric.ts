import type { BillableMetric } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { validationFailed } from "~/server/errors";
import type { BillableMetricInput } from "./billable-metric-input";
import { assertServiceMayChange, auditActorOf, type CatalogWriter, readerOf } from "./catalog-writer";
import { findBillableMetric } from "./find-billable-metric";
import { assertValidMetricDefinition } from "./metric-rules";

/**
 * PUT by code: only the keys present change; the result must still be a valid metric. A
 * service key changes only its own metrics, and none that prices another service's plans.
 */
export async function updateBillableMetric(options: {
  db: DbOrTx;
  code: string;
  changes: Partial<BillableMetricInput>;
  writer?: CatalogWriter;
}): Promise<BillableMetric> {
  return inTransaction(options.db, async (tx) => {
    const current = await findBillableMetric({ db: tx, code: options.code, serviceId: readerOf(options.writer) });
    await assertServiceMayChange(tx, options.writer, current, { plan: { charges: { some: { billableMetricId: current.id } } } });
    const next = { ...current, ...options.changes };
    assertValidMetricDefinition(next);
    if (current.aggregationType !== next.aggregationType || current.fieldName !== next.fieldName) {
      // Re-aggregating a metric that prices live subscriptions would silently re-bill usage.
      const charges = await tx.charge.count({ where: { billableMetricId: current.id } });
      if (charges > 0) throw validationFailed({ aggregation_type: ["attached_to_plans"] });
      // Hourly rollups were folded with the old field and aggregation: they would lie.
      const events = await tx.usageRollup.count({ where: { code: current.code } });
      if (events > 0) throw validationFailed({ aggregation_type: ["metric_has_events"] });
    }
    if (next.code !== current.code && (await tx.usageRollup.count({ where: { code: current.code } })) > 0) {
      // Stored events name the metric by code: renaming would orphan its usage.
      throw validationFailed({ code: ["metric_has_events"] });
    }
    try {
      const updated = await tx.billableMetric.update({ where: { id: current.id }, data: options.changes });
      await recordAudit(tx, { ...auditActorOf(options.writer), action: "billable_metric.update", entityType: "billable_metric", entityId: current.id, before: current, after: updated });
      return updated;
    } catch (error) {
      if (isUniqueViolation(error)) throw validationFailed({ code: ["value_already_exist"] });
      throw error;
    }
  });
}
