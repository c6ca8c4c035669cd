import type { ChargeModel, PlanInterval, Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { Db, DbOrTx } from "~/server/db/client";
import { inTransaction } from "~/server/db/in-transaction";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { type ErrorDetails, notFound, validationFailed } from "~/server/errors";
import { type PageWindow, pageWindow } from "~/server/db/table-query";
import { validateChargeProperties } from "~/server/billing/pricing";
import { isUuid } from "~/server/lib/uuid";

export interface ChargeInput {
  billableMetricId?: string;
  billableMetricCode?: string;
  chargeModel: ChargeModel;
  properties: unknown;
  invoiceDisplayName?: string | null;
}

export interface PlanInput {
  code: string;
  name: string;
  description?: string | null;
  interval: PlanInterval;
  amountCents: bigint;
  amountCurrency: string;
  payInAdvance?: boolean;
  charges?: ChargeInput[];
}

export const planWithCharges = { charges: { include: { billableMetric: true }, orderBy: { createdAt: "asc" } } } satisfies Prisma.PlanInclude;
export type PlanWithCharges = Prisma.PlanGetPayload<{ include: typeof planWithCharges }>;

/**
 * Resolves each charge's metric and validates its properties with the pricing
 * module's schema, collecting every error keyed like Lago (`charges.<i>.<field>`).
 */
async function resolveCharges(db: DbOrTx, charges: ChargeInput[]) {
  const ids = charges.map((c) => c.billableMetricId).filter((id): id is string => !!id && isUuid(id));
  const codes = charges.map((c) => c.billableMetricCode).filter((code): code is string => !!code);
  const metrics = await db.billableMetric.findMany({ where: { OR: [{ id: { in: ids } }, { code: { in: codes } }] } });
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

export async function findPlan(options: { db: DbOrTx; code: string }): Promise<PlanWithCharges> {
  const plan = await options.db.plan.findUnique({ where: { code: options.code }, include: planWithCharges });
  if (!plan) throw notFound("plan");
  return plan;
}

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

/**
 * PUT by code. Charges, when given, are the complete new set: a charge per metric is
 * updated in place, new metrics are added and absent ones removed (Lago's semantics).
 */
export async function updatePlan(options: { db: DbOrTx; code: string; changes: Partial<PlanInput>; actorId?: string }): Promise<PlanWithCharges> {
  const { charges, ...planChanges } = options.changes;
  try {
    return await inTransaction(options.db, async (tx) => {
      const current = await findPlan({ db: tx, code: options.code });
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
        const resolved = await resolveCharges(tx, charges);
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
      await recordAudit(tx, { actorId: options.actorId, action: "plan.update", entityType: "plan", entityId: current.id, before: current, after: updated });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed({ code: ["value_already_exist"] });
    throw error;
  }
}

/** Refuses while subscriptions still bill on the plan: deleting it would strand them. */
export async function deletePlan(options: { db: Db; code: string }): Promise<PlanWithCharges> {
  return options.db.$transaction(async (tx) => {
    const plan = await findPlan({ db: tx, code: options.code });
    const subscriptions = await tx.subscription.count({ where: { planId: plan.id } });
    if (subscriptions > 0) throw validationFailed({ plan: ["attached_to_subscriptions"] });
    await tx.plan.delete({ where: { id: plan.id } });
    return plan;
  });
}

export async function listPlans(options: { db: DbOrTx; page: PageWindow }) {
  const [plans, totalCount] = await Promise.all([
    options.db.plan.findMany({ include: planWithCharges, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageWindow(options.page) }),
    options.db.plan.count(),
  ]);
  return { plans, totalCount };
}
