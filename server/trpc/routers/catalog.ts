import { z } from "zod";
import { AggregationType, PlanInterval } from "~/generated/prisma/enums";
import { CHARGE_MODELS } from "~/server/billing/pricing";
import { createBillableMetric } from "~/server/catalog/create-billable-metric";
import { updateBillableMetric } from "~/server/catalog/update-billable-metric";
import { createPlan } from "~/server/catalog/create-plan";
import { updatePlan } from "~/server/catalog/update-plan";
import { searchBillableMetrics } from "~/server/catalog/search-billable-metrics";
import { searchPlans } from "~/server/catalog/search-plans";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("catalog");

const code = z.string().trim().regex(/^[a-z0-9_.-]{1,60}$/, "lowercase letters, digits, _ . -");
const description = z.string().trim().max(500).nullish();

// Field shapes without defaults: an update changes only what it names (`.partial()` of a
// defaulted field would fill the default in and silently reset it). Creates add defaults.
const metricFields = z.object({
  code,
  name: z.string().trim().min(1).max(120),
  description,
  aggregationType: z.enum(AggregationType),
  fieldName: z.string().trim().max(120).nullish(),
  recurring: z.boolean(),
});
const metricInput = metricFields.extend({ recurring: metricFields.shape.recurring.default(false) });

// Properties stay `unknown` here: the domain validates them with the pricing schemas
// and reports Lago-style keys (`charges.0.properties.amount`) the form can show.
const chargeInput = z.object({
  billableMetricCode: code,
  chargeModel: z.enum(CHARGE_MODELS),
  properties: z.unknown(),
  invoiceDisplayName: z.string().trim().max(120).nullish(),
});

const planFields = z.object({
  code,
  name: z.string().trim().min(1).max(120),
  description,
  interval: z.enum(PlanInterval),
  amountCents: z.bigint().nonnegative(),
  amountCurrency: z.string().regex(/^[A-Z]{3}$/),
  payInAdvance: z.boolean(),
  charges: z.array(chargeInput).max(50),
});
const planInput = planFields.extend({ payInAdvance: planFields.shape.payInAdvance.default(false), charges: planFields.shape.charges.default([]) });

export const catalogRouter = createTRPCRouter({
  listMetrics: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchBillableMetrics({ db: ctx.db, query: input })),

  createMetric: procedure.input(metricInput).mutation(({ ctx, input }) => createBillableMetric({ db: ctx.db, input, writer: { kind: "user", userId: ctx.user.id } })),

  updateMetric: procedure
    .input(z.object({ code, changes: metricFields.partial() }))
    .mutation(({ ctx, input }) => updateBillableMetric({ db: ctx.db, code: input.code, changes: input.changes, writer: { kind: "user", userId: ctx.user.id } })),

  listPlans: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchPlans({ db: ctx.db, query: input })),

  createPlan: procedure.input(planInput).mutation(({ ctx, input }) => createPlan({ db: ctx.db, input, writer: { kind: "user", userId: ctx.user.id } })),

  updatePlan: procedure
    .input(z.object({ code, changes: planFields.partial() }))
    .mutation(({ ctx, input }) => updatePlan({ db: ctx.db, code: input.code, changes: input.changes, writer: { kind: "user", userId: ctx.user.id } })),
});
