import type { BillableMetric } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { validationFailed } from "~/server/errors";
import type { BillableMetricInput } from "./billable-metric-input";
import { auditActorOf, type CatalogWriter, ownerForCreate } from "./catalog-writer";
import { assertValidMetricDefinition } from "./metric-rules";

/** A service key's metric is owned by its service; the console's is shared unless it names an owner. */
export async function createBillableMetric(options: { db: DbOrTx; input: BillableMetricInput; writer?: CatalogWriter; ownerServiceId?: string | null }): Promise<BillableMetric> {
  const { input } = options;
  const data = { ...input, fieldName: input.fieldName ?? null, recurring: input.recurring ?? false, ownerServiceId: ownerForCreate(options.writer, options.ownerServiceId) };
  assertValidMetricDefinition(data);
  try {
    return await inTransaction(options.db, async (tx) => {
      const metric = await tx.billableMetric.create({ data });
      await recordAudit(tx, { ...auditActorOf(options.writer), action: "billable_metric.create", entityType: "billable_metric", entityId: metric.id, after: metric });
      return metric;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed({ code: ["value_already_exist"] });
    throw error;
  }
}
