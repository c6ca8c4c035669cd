import { recordAudit } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import { validationFailed } from "~/server/errors";
import { assertServiceMayChange, auditActorOf, type CatalogWriter, readerOf } from "./catalog-writer";
import { findPlan } from "./find-plan";
import type { PlanWithCharges } from "./plan-input";

/** Refuses while subscriptions still bill on the plan: deleting it would strand them. */
export async function deletePlan(options: { db: Db; code: string; writer?: CatalogWriter }): Promise<PlanWithCharges> {
  return options.db.$transaction(async (tx) => {
    const plan = await findPlan({ db: tx, code: options.code, serviceId: readerOf(options.writer) });
    await assertServiceMayChange(tx, options.writer, plan, { planId: plan.id });
    const subscriptions = await tx.subscription.count({ where: { planId: plan.id } });
    if (subscriptions > 0) throw validationFailed({ plan: ["attached_to_subscriptions"] });
    await tx.plan.delete({ where: { id: plan.id } });
    await recordAudit(tx, { ...auditActorOf(options.writer), action: "plan.delete", entityType: "plan", entityId: plan.id, before: plan });
    return plan;
  });
}
