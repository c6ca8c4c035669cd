import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { type PlanWithCharges, planWithCharges } from "./plan-input";

export async function findPlan(options: { db: DbOrTx; code: string }): Promise<PlanWithCharges> {
  const plan = await options.db.plan.findUnique({ where: { code: options.code }, include: planWithCharges });
  if (!plan) throw notFound("plan");
  return plan;
}
