import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { validationFailed } from "~/server/errors";
import { type PlanInput, type PlanWithCharges, planWithCharges } from "./plan-input";
import { resolveCharges } from "./resolve-charges";

/** `actorId`: the console user making the change, recorded in the audit log. */
export async function createPlan(options: { db: DbOrTx; input: PlanInput; actorId?: string }): Promise<PlanWithCharges> {
  const { charges = [], ...plan } = options.input;
  try {
    return await inTransaction(options.db, async (tx) => {
      const resolved = await resolveCharges(tx, charges);
      const created = await tx.plan.create({ data: { ...plan, charges: { create: resolved } }, include: planWithCharges });
      await recordAudit(tx, { actorId: options.actorId, action: "plan.create", entityType: "plan", entityId: created.id, after: created });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed({ code: ["value_already_exist"] });
    throw error;
  }
}
