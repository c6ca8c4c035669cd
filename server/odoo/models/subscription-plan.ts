/** sale.subscription.plan: billing period of a subscription (sale_subscription). */
import { z } from "zod";
import type { OdooClient } from "../client";
import { createOnce } from "./create-once";
import { readRecord } from "./read-record";
import { searchFirst } from "./search-first";

const MODEL = "sale.subscription.plan";
const FIELDS = ["id", "name", "billing_period_value", "billing_period_unit", "billing_first_day"];

export const PERIOD_UNITS = ["week", "month", "year"] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

const planRow = z
  .object({
    id: z.number().int(), name: z.string(), billing_period_value: z.number().int(), billing_period_unit: z.enum(PERIOD_UNITS),
    billing_first_day: z.boolean().default(false),
  })
  .transform((r) => ({ id: r.id, name: r.name, periodValue: r.billing_period_value, periodUnit: r.billing_period_unit, firstDay: r.billing_first_day }));

export type OdooPlan = z.output<typeof planRow>;

export async function readPlan(client: OdooClient, id: number): Promise<OdooPlan> {
  return planRow.parse(await readRecord(client, MODEL, id, FIELDS));
}

/**
 * The rhythm of a plan: `firstDay` is Odoo's billing_first_day ("align every invoice on
 * the first day of the period", months and years only), which prorates a prepaid first
 * invoice; a plan is found with the same setting, so calendar and anniversary
 * subscriptions of one interval land on two plans.
 */
export type PlanRhythm = { value: number; unit: PeriodUnit; firstDay: boolean };

export async function findPlan(client: OdooClient, period: PlanRhythm): Promise<OdooPlan | null> {
  return searchFirst(client, MODEL, planRow, {
    domain: [["billing_period_value", "=", period.value], ["billing_period_unit", "=", period.unit], ["billing_first_day", "=", period.firstDay]],
    fields: FIELDS, order: "id",
  });
}

export async function findOrCreatePlan(client: OdooClient, input: PlanRhythm & { name: string }): Promise<OdooPlan> {
  const existing = await findPlan(client, input);
  if (existing) return existing;
  const vals = { name: input.name, billing_period_value: input.value, billing_period_unit: input.unit, billing_first_day: input.firstDay };
  const id = await createOnce(client, MODEL, vals, async () => (await findPlan(client, input))?.id ?? null);
  return readPlan(client, id);
}
