import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { visibleTo } from "./catalog-writer";
import { type PlanWithCharges, planWithCharges } from "./plan-input";

/** `serviceId`: read as that service's key (its own and shared plans only). */
export async function findPlan(options: { db: DbOrTx; code: string; serviceId?: string }): Promise<PlanWithCharges> {
  const plan = await options.db.plan.findFirst({ where: { code: options.code, ...visibleTo(options.serviceId) }, include: planWithCharges });
  if (!plan) throw notFound("plan");
  return plan;
}
