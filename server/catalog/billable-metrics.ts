import type { AggregationType, BillableMetric } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { Db, DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { notFound, validationFailed } from "~/server/errors";
import { type PageWindow, pageWindow } from "~/server/db/table-query";
import { assertValidMetricDefinition } from "./metric-rules";

export interface BillableMetricInput {
  code: string;
  name: string;
  description?: string | null;
  aggregationType: AggregationType;
  fieldName?: string | null;
  recurring?: boolean;
}

const codeTaken = () => validationFailed({ code: ["value_already_exist"] });

export async function findBillableMetric(options: { db: DbOrTx; code: string }): Promise<BillableMetric> {
  const metric = await options.db.billableMetric.findUnique({ where: { code: options.code } });
  if (!metric) throw notFound("billable_metric");
  return metric;
}

/** `actorId`: the console user making the change, recorded in the audit log. */
export async function createBillableMetric(options: { db: DbOrTx; input: BillableMetricInput; actorId?: string }): Promise<BillableMetric> {
  const { input } = options;
  const data = { ...input, fieldName: input.fieldName ?? null, recurring: input.recurring ?? false };
  assertValidMetricDefinition(data);
  try {
    return await inTransaction(options.db, async (tx) => {
      const metric = await tx.billableMetric.create({ data });
      await recordAudit(tx, { actorId: options.actorId, action: "billable_metric.create", entityType: "billable_metric", entityId: metric.id, after: metric });
      return metric;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

/** PUT by code: only the keys present change; the result must still be a valid metric. */
export async function updateBillableMetric(options: {
  db: DbOrTx;
  code: string;
  changes: Partial<BillableMetricInput>;
  actorId?: string;
}): Promise<BillableMetric> {
  return inTransaction(options.db, async (tx) => {
    const current = await findBillableMetric({ db: tx, code: options.code });
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
      await recordAudit(tx, { actorId: options.actorId, action: "billable_metric.update", entityType: "billable_metric", entityId: current.id, before: current, after: updated });
      return updated;
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken();
      throw error;
    }
  });
}

export async function deleteBillableMetric(options: { db: Db; code: string }): Promise<BillableMetric> {
  return options.db.$transaction(async (tx) => {
    const metric = await findBillableMetric({ db: tx, code: options.code });
    const charges = await tx.charge.count({ where: { billableMetricId: metric.id } });
    if (charges > 0) throw validationFailed({ billable_metric: ["attached_to_plans"] });
    return tx.billableMetric.delete({ where: { id: metric.id } });
  });
}

export async function listBillableMetrics(options: { db: DbOrTx; page: PageWindow }) {
  const [metrics, totalCount] = await Promise.all([
    options.db.billableMetric.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageWindow(options.page) }),
    options.db.billableMetric.count(),
  ]);
  return { metrics, totalCount };
}
