import type { Db } from "~/server/db/client";
import type { CatalogWriter } from "~/server/catalog/catalog-writer";
import { createBillableMetric } from "~/server/catalog/create-billable-metric";
import { updateBillableMetric } from "~/server/catalog/update-billable-metric";
import type { ImportIssue } from "./import-issue";
import type { LagoMetric } from "./lago-wire";
import { mapLagoMetric } from "./map-lago-metric";

/**
 * Creates or updates the hub metric with the Lago metric's code, through the catalog's own
 * rules and audit. New metrics belong to the imported service; another service's is left alone.
 */
export async function upsertLagoMetric(options: { db: Db; metric: LagoMetric; serviceId: string; writer?: CatalogWriter }): Promise<ImportIssue[]> {
  const { input, issues } = mapLagoMetric(options.metric);
  if (!input) return issues;
  const existing = await options.db.billableMetric.findUnique({ where: { code: input.code } });
  if (!existing) {
    await createBillableMetric({ db: options.db, input, writer: options.writer, ownerServiceId: options.serviceId });
    return issues;
  }
  if (existing.ownerServiceId && existing.ownerServiceId !== options.serviceId) {
    return [...issues, { resource: "billable_metrics", id: input.code, feature: "refused", detail: "a metric with this code belongs to another service", action: "skipped" }];
  }
  const unchanged =
    existing.name === input.name && existing.description === (input.description ?? null) && existing.aggregationType === input.aggregationType &&
    existing.fieldName === (input.fieldName ?? null) && existing.recurring === (input.recurring ?? false);
  if (!unchanged) await updateBillableMetric({ db: options.db, code: input.code, changes: input, writer: options.writer });
  return issues;
}
