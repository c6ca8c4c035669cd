import type { BillableMetric } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { validationFailed } from "~/server/errors";
import type { BillableMetricInput } from "./billable-metric-input";
import { assertValidMetricDefinition } from "./metric-rules";

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
    if (isUniqueViolation(error)) throw validationFailed({ code: ["value_already_exist"] });
    throw error;
  }
}
