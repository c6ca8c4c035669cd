import type { Prisma } from "~/generated/prisma/client";
import { validateChargeProperties } from "~/server/billing/pricing";
import type { DbOrTx } from "~/server/db/client";
import { type ErrorDetails, notFound, validationFailed } from "~/server/errors";
import { isUuid } from "~/server/lib/uuid";
import { visibleTo } from "./catalog-writer";
import type { ChargeInput } from "./plan-input";

/**
 * Resolves each charge's metric and validates its properties with the pricing
 * module's schema, collecting every error keyed like Lago (`charges.<i>.<field>`).
 * `serviceId`: as that service's key, which sees only its own and shared metrics.
 */
export async function resolveCharges(db: DbOrTx, charges: ChargeInput[], serviceId?: string) {
  const ids = charges.map((c) => c.billableMetricId).filter((id): id is string => !!id && isUuid(id));
  const codes = charges.map((c) => c.billableMetricCode).filter((code): code is string => !!code);
  const metrics = await db.billableMetric.findMany({ where: { AND: [{ OR: [{ id: { in: ids } }, { code: { in: codes } }] }, visibleTo(serviceId)] } });
  const errors: ErrorDetails = {};
  const seen = new Set<string>();
  const resolved = charges.map((charge, index) => {
    const metric = metrics.find((m) => m.id === charge.billableMetricId || (charge.billableMetricCode && m.code === charge.billableMetricCode));
    // Lago answers an unknown metric in a plan's charges with the plural code.
    if (!metric) throw notFound("billable_metrics");
    if (seen.has(metric.id)) errors[`charges.${index}.billable_metric_id`] = ["value_already_exist"];
    seen.add(metric.id);
    const validation = validateChargeProperties(charge.chargeModel, charge.properties ?? {});
    if (!validation.ok) {
      for (const [field, codes] of Object.entries(validation.errors)) errors[`charges.${index}.${field}`] = codes;
      return null;
    }
    return {
      billableMetricId: metric.id,
      chargeModel: charge.chargeModel,
      properties: validation.properties as Prisma.InputJsonValue,
      invoiceDisplayName: charge.invoiceDisplayName ?? null,
    };
  });
  if (Object.keys(errors).length) throw validationFailed(errors);
  return resolved.filter((charge) => charge !== null);
}
