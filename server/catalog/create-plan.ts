import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { validationFailed } from "~/server/errors";
import { auditActorOf, type CatalogWriter, ownerForCreate, readerOf } from "./catalog-writer";
import { type PlanInput, type PlanWithCharges, planWithCharges } from "./plan-input";
import { resolveCharges } from "./resolve-charges";

/**
 * A service key's plan is owned by its service and may charge only its own or shared
 * metrics; the console's is shared unless it names an owner (the Lago import does).
 */
export async function createPlan(options: { db: DbOrTx; input: PlanInput; writer?: CatalogWriter; ownerServiceId?: string | null }): Promise<PlanWithCharges> {
  const { charges = [], ...plan } = options.input;
  try {
    return await inTransaction(options.db, async (tx) => {
      const resolved = await resolveCharges(tx, charges, readerOf(options.writer));
      const ownerServiceId = ownerForCreate(options.writer, options.ownerServiceId);
      const created = await tx.plan.create({ data: { ...plan, ownerServiceId, charges: { create: resolved } }, include: planWithCharges });
      await recordAudit(tx, { ...auditActorOf(options.writer), action: "plan.create", entityType: "plan", entityId: created.id, after: created });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed({ code: ["value_already_exist"] });
    throw error;
  }
}
