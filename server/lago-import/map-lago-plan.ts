import { PlanInterval } from "~/generated/prisma/enums";
import { validateChargeProperties } from "~/server/billing/pricing";
import type { ChargeInput, PlanInput } from "~/server/catalog/plan-input";
import { catalogFields } from "./catalog-fields";
import type { ImportIssue } from "./import-issue";
import type { LagoCharge, LagoPlan } from "./lago-wire";

type Issue = (feature: string, detail: string, action: string) => ImportIssue;

function mapCharge(charge: LagoCharge, metricCodes: ReadonlySet<string>, issue: Issue): ChargeInput | null {
  const label = `charge on ${charge.billable_metric_code}`;
  if (!metricCodes.has(charge.billable_metric_code)) {
    issue("charge_metric", `${label}: its metric was not imported`, "charge skipped");
    return null;
  }
  // Grouping keys split a charge's usage into groups priced apart; the hub prices one total.
  const { pricing_group_keys: groupKeys, grouped_by: groupedBy, ...properties } = charge.properties;
  const validation = validateChargeProperties(charge.charge_model, properties);
  if (!validation.ok) {
    const unsupportedModel = "charge_model" in validation.errors;
    issue(
      unsupportedModel ? "charge_model" : "charge_properties",
      unsupportedModel ? `${label}: charge model ${charge.charge_model} is not supported` : `${label}: ${JSON.stringify(validation.errors)}`,
      "charge skipped",
    );
    return null;
  }
  if (groupKeys !== undefined || groupedBy !== undefined) issue("pricing_group_keys", `${label}: ${JSON.stringify(groupKeys ?? groupedBy)}`, "imported ungrouped");
  if (charge.filters.length) issue("charge_filters", `${label}: ${charge.filters.length} filter(s)`, "imported with the default properties only");
  if (charge.pay_in_advance) issue("pay_in_advance_charge", label, "imported as billed in arrears");
  if (!charge.invoiceable) issue("non_invoiceable_charge", label, "imported as invoiceable");
  if (charge.min_amount_cents > 0) issue("charge_minimum", `${label}: min_amount_cents ${charge.min_amount_cents}`, "ignored");
  if (charge.prorated) issue("prorated_charge", label, "imported unprorated");
  return {
    billableMetricCode: charge.billable_metric_code,
    chargeModel: validation.chargeModel,
    properties: validation.properties,
    invoiceDisplayName: charge.invoice_display_name,
  };
}

/**
 * A Lago plan as the hub's plan input. Unsupported charges are skipped and supported
 * ones lose what the hub cannot price (filters, grouping, minimums); plan-level features
 * (trials, minimum commitments, progressive billing, fixed charges) are ignored. Every
 * one of those lands in `issues`.
 */
export function mapLagoPlan(plan: LagoPlan, metricCodes: ReadonlySet<string>): { input: PlanInput | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const issue: Issue = (feature, detail, action) => {
    const entry: ImportIssue = { resource: "plans", id: plan.code, feature, detail, action };
    issues.push(entry);
    return entry;
  };
  if (!(Object.values(PlanInterval) as string[]).includes(plan.interval)) {
    issue("interval", `interval ${plan.interval} is not supported`, "plan skipped");
    return { input: null, issues };
  }
  if (plan.trial_period) issue("trial_period", `${plan.trial_period} day trial`, "ignored: billing starts at the subscription date");
  if (plan.minimum_commitment) issue("minimum_commitment", JSON.stringify(plan.minimum_commitment).slice(0, 200), "ignored");
  if (plan.usage_thresholds.length) issue("progressive_billing", `${plan.usage_thresholds.length} usage threshold(s)`, "ignored");
  if (plan.fixed_charges.length) issue("fixed_charges", `${plan.fixed_charges.length} fixed charge(s)`, "ignored");
  if (plan.bill_charges_monthly) issue("bill_charges_monthly", `${plan.interval} plan billing charges monthly`, "charges billed with the plan's interval");
  const charges = plan.charges.map((charge) => mapCharge(charge, metricCodes, issue)).filter((charge) => charge !== null);
  return {
    input: {
      ...catalogFields(plan),
      interval: plan.interval as PlanInterval,
      amountCents: BigInt(plan.amount_cents),
      amountCurrency: plan.amount_currency,
      payInAdvance: plan.pay_in_advance,
      charges,
    },
    issues,
  };
}
