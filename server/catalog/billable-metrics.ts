import type { AggregationType, BillableMetric } from "~/generated/prisma/client";
import type { Db, DbOrTx } from "~/server/db/client";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { notFound, validationFailed } from "~/server/errors";
import { type Pagination, pageWindow } from "~/server/lago-api/pagination";
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

export async function createBillableMetric(options: { db: DbOrTx; input: BillableMetricInput }): Promise<BillableMetric> {
  const { input } = options;
  const data = { ...input, fieldName: input.fieldName ?? null, recurring: input.recurring ?? false };
  assertValidMetricDefinition(data);
  try {
    return await options.db.billableMetric.create({ data });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

/** PUT by code: only the keys present change; the result must still be a valid metric. */
export async function updateBillableMetric(options: {
  db: Db;
  code: string;
  changes: Partial<BillableMetricInput>;
}): Promise<BillableMetric> {
  return options.db.$transaction(async (tx) => {
    const current = await findBillableMetric({ db: tx, code: options.code });
    const next = { ...current, ...options.changes };
    assertValidMetricDefinition(next);
    if (current.aggregationType !== next.aggregationType || current.fieldName !== next.fieldName) {
      // Re-aggregating a metric that prices live subscriptions would silently re-bill usage.
      const charges = await tx.charge.count({ where: { billableMetricId: current.id } });
      if (charges > 0) throw validationFailed({ aggregation_type: ["attached_to_plans"] });
    }
    try {
      return await tx.billableMetric.update({ where: { id: current.id }, data: options.changes });
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

export async function listBillableMetrics(options: { db: DbOrTx; pagination: Pagination }) {
  const [metrics, totalCount] = await Promise.all([
    options.db.billableMetric.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageWindow(options.pagination) }),
    options.db.billableMetric.count(),
  ]);
  return { metrics, totalCount };
}
