import { z } from "zod";
import { PlanInterval } from "~/generated/prisma/enums";
import { CHARGE_MODELS } from "~/server/billing/pricing";
import type { PlanInput, PlanWithCharges } from "~/server/catalog/plan-input";
import { amountCents, centsToNumber, currencyCode, isoSeconds, optionalString, presentKeys, requiredString } from "./wire-common";

const chargeSchema = z
  .object({
    billable_metric_id: z.string({ error: "invalid_format" }).optional(),
    billable_metric_code: z.string({ error: "invalid_format" }).optional(),
    // percentage, graduated_percentage and dynamic are Lago models the hub does not price.
    charge_model: z.enum(CHARGE_MODELS, { error: "value_is_invalid" }),
    properties: z.record(z.string(), z.unknown(), { error: "invalid_format" }).optional(),
    invoice_display_name: optionalString(255),
  })
  .refine((charge) => charge.billable_metric_id || charge.billable_metric_code, { error: "value_is_mandatory", path: ["billable_metric_id"] });

const planFields = {
  name: requiredString(255),
  code: requiredString(255),
  description: optionalString(2000),
  interval: z.enum(PlanInterval, { error: "value_is_invalid" }),
  amount_cents: amountCents,
  amount_currency: currencyCode,
  pay_in_advance: z.boolean({ error: "value_is_invalid" }).optional(),
  charges: z.array(chargeSchema).max(100, { error: "too_many_charges" }).optional(),
};

export const planCreateSchema = z.object(planFields);
export const planUpdateSchema = z.object(planFields).partial();

export function planInputFromWire(input: z.infer<typeof planUpdateSchema>): Partial<PlanInput> {
  const plan = presentKeys(input, {
    name: "name", code: "code", description: "description", interval: "interval",
    amount_cents: "amountCents", amount_currency: "amountCurrency", pay_in_advance: "payInAdvance",
  }) as Partial<PlanInput>;
  if (input.charges) {
    plan.charges = input.charges.map((charge) => ({
      billableMetricId: charge.billable_metric_id,
      billableMetricCode: charge.billable_metric_code,
      chargeModel: charge.charge_model,
      properties: charge.properties ?? {},
      invoiceDisplayName: charge.invoice_display_name ?? null,
    }));
  }
  return plan;
}

export function serializePlan(plan: PlanWithCharges) {
  return {
    lago_id: plan.id,
    name: plan.name,
    invoice_display_name: null,
    created_at: isoSeconds(plan.createdAt),
    code: plan.code,
    interval: plan.interval,
    description: plan.description,
    amount_cents: centsToNumber(plan.amountCents),
    amount_currency: plan.amountCurrency,
    trial_period: 0,
    pay_in_advance: plan.payInAdvance,
    bill_charges_monthly: null,
    customers_count: 0,
    active_subscriptions_count: 0,
    draft_invoices_count: 0,
    parent_id: null,
    pending_deletion: false,
    charges: plan.charges.map((charge) => ({
      lago_id: charge.id,
      lago_billable_metric_id: charge.billableMetricId,
      billable_metric_code: charge.billableMetric.code,
      invoice_display_name: charge.invoiceDisplayName,
      created_at: isoSeconds(charge.createdAt),
      charge_model: charge.chargeModel,
      pay_in_advance: false,
      invoiceable: true,
      regroup_paid_fees: null,
      prorated: false,
      min_amount_cents: 0,
      properties: charge.properties,
      filters: [],
      taxes: [],
    })),
    fixed_charges: [],
    usage_thresholds: [],
    taxes: [],
  };
}
