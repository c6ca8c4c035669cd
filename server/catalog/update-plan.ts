import { recordAudit } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { validationFailed } from "~/server/errors";
import { assertServiceMayChange, auditActorOf, type CatalogWriter, readerOf } from "./catalog-writer";
import { findPlan } from "./find-plan";
import type { PlanInput, PlanWithCharges } from "./plan-input";
import { resolveCharges } from "./resolve-charges";

/**
 * PUT by code. Charges, when given, are the complete new set: a charge per metric is
 * updated in place, new metrics are added and absent ones removed (Lago's semantics).
 * A service key changes only its own plans, never one that bills another service.
 */
export async function updatePlan(options: { db: DbOrTx; code: string; changes: Partial<PlanInput>; writer?: CatalogWriter }): Promise<PlanWithCharges> {
  const { charges, ...planChanges } = options.changes;
  try {
    return await inTransaction(options.db, async (tx) => {
      const current = await findPlan({ db: tx, code: options.code, serviceId: readerOf(options.writer) });
      await assertServiceMayChange(tx, options.writer, current, { planId: current.id });
      if (planChanges.amountCurrency && planChanges.amountCurrency !== current.amountCurrency) {
        const live = await tx.subscription.count({ where: { planId: current.id, status: { in: ["active", "pending"] } } });
        if (live > 0) throw validationFailed({ amount_currency: ["currencies_does_not_match"] });
      }
      // Subscribed plans keep their billing rhythm: their Odoo orders invoice on it (Lago
      // leaves these fields unchanged on such plans; refusing says so instead of a silent 200).
      const rhythmChanges = {
        interval: planChanges.interval !== undefined && planChanges.interval !== current.interval,
        pay_in_advance: planChanges.payInAdvance !== undefined && planChanges.payInAdvance !== current.payInAdvance,
      };
      const changedRhythm = Object.entries(rhythmChanges).filter(([, changed]) => changed).map(([field]) => field);
      if (changedRhythm.length && (await tx.subscription.count({ where: { planId: current.id } })) > 0) {
        throw validationFailed(Object.fromEntries(changedRhythm.map((field) => [field, ["attached_to_subscriptions"]])));
      }
      await tx.plan.update({ where: { id: current.id }, data: planChanges });
      if (charges) {
        const resolved = await resolveCharges(tx, charges, readerOf(options.writer));
        await tx.charge.deleteMany({ where: { planId: current.id, billableMetricId: { notIn: resolved.map((c) => c.billableMetricId) } } });
        for (const charge of resolved) {
          await tx.charge.upsert({
            where: { planId_billableMetricId: { planId: current.id, billableMetricId: charge.billableMetricId } },
            create: { ...charge, planId: current.id },
            update: charge,
          });
        }
      }
      const updated = await findPlan({ db: tx, code: planChanges.code ?? options.code });
      await recordAudit(tx, { ...auditActorOf(options.writer), action: "plan.update", entityType: "plan", entityId: current.id, before: current, after: updated });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed({ code: ["value_already_exist"] });
    throw error;
  }
}
