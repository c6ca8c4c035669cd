import type { Db } from "~/server/db/client";
import { createBillableMetric } from "~/server/catalog/create-billable-metric";
import { updateBillableMetric } from "~/server/catalog/update-billable-metric";
import type { ImportIssue } from "./import-issue";
import type { LagoMetric } from "./lago-wire";
import { mapLagoMetric } from "./map-lago-metric";

/** Creates or updates the hub metric with the Lago metric's code, through the catalog's own rules. */
export async function upsertLagoMetric(options: { db: Db; metric: LagoMetric }): Promise<ImportIssue[]> {
  const { input, issues } = mapLagoMetric(options.metric);
  if (!input) return issues;
  const existing = await options.db.billableMetric.findUnique({ where: { code: input.code } });
  if (!existing) {
    await createBillableMetric({ db: options.db, input });
    return issues;
  }
  const unchanged =
    existing.name === input.name && existing.description === (input.description ?? null) && existing.aggregationType === input.aggregationType &&
    existing.fieldName === (input.fieldName ?? null) && existing.recurring === (input.recurring ?? false);
  if (!unchanged) await updateBillableMetric({ db: options.db, code: input.code, changes: input });
  return issues;
}
