import type { Db } from "~/server/db/client";
import type { CatalogWriter } from "~/server/catalog/catalog-writer";
import { createPlan } from "~/server/catalog/create-plan";
import { updatePlan } from "~/server/catalog/update-plan";
import type { ImportIssue } from "./import-issue";
import type { LagoPlan } from "./lago-wire";
import { mapLagoPlan } from "./map-lago-plan";

/**
 * Creates or updates the hub plan with the Lago plan's code through the catalog (which
 * validates charges and keeps the audit log). An update replaces the charge set, as a
 * Lago PUT does. New plans belong to the imported service; a plan another service owns is
 * left alone. `writer`: the console user who started the import (audited as the actor).
 */
export async function upsertLagoPlan(options: { db: Db; plan: LagoPlan; serviceId: string; writer?: CatalogWriter }): Promise<ImportIssue[]> {
  const metricCodes = options.plan.charges.map((charge) => charge.billable_metric_code);
  const known = await options.db.billableMetric.findMany({ where: { code: { in: metricCodes } }, select: { code: true } });
  const { input, issues } = mapLagoPlan(options.plan, new Set(known.map((metric) => metric.code)));
  if (!input) return issues;
  const existing = await options.db.plan.findUnique({
    where: { code: input.code },
    select: { interval: true, payInAdvance: true, ownerServiceId: true, _count: { select: { subscriptions: true } } },
  });
  if (!existing) {
    await createPlan({ db: options.db, input, writer: options.writer, ownerServiceId: options.serviceId });
    return issues;
  }
  if (existing.ownerServiceId && existing.ownerServiceId !== options.serviceId) {
    return [...issues, { resource: "plans", id: input.code, feature: "refused", detail: "a plan with this code belongs to another service", action: "skipped" }];
  }
  // A subscribed plan keeps its billing rhythm in the hub (updatePlan refuses to change it).
  const changes = { ...input };
  if (existing._count.subscriptions > 0) {
    for (const [field, hubValue] of [["interval", existing.interval], ["payInAdvance", existing.payInAdvance]] as const) {
      if (changes[field] === undefined || changes[field] === hubValue) continue;
      issues.push({ resource: "plans", id: input.code, feature: field, detail: `Lago has ${String(changes[field])}, the hub ${String(hubValue)}, and the plan has subscriptions`, action: "kept the hub's value" });
      delete changes[field];
    }
  }
  await updatePlan({ db: options.db, code: input.code, changes, writer: options.writer });
  return issues;
}
