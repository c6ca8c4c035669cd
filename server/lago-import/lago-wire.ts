/**
 * The parts of Lago's JSON the import reads (lago-javascript-client's OpenAPI types:
 * BillableMetricObject, PlanObject/ChargeObject, CustomerObject, SubscriptionObject,
 * InvoiceObjectExtended/FeeObject, PaginationMeta). Objects stay loose: the raw JSON is
 * kept and unknown keys are inspected for unsupported features, not rejected.
 */
import { z } from "zod";

const nullableString = z.string().nullish().transform((value) => value ?? null);

export const lagoMetaSchema = z.looseObject({
  current_page: z.number().int(),
  next_page: z.number().int().nullish(),
  total_pages: z.number().int(),
  total_count: z.number().int(),
});
export type LagoMeta = z.output<typeof lagoMetaSchema>;

export const lagoMetricSchema = z.looseObject({
  lago_id: z.string(),
  name: z.string(),
  code: z.string(),
  description: nullableString,
  aggregation_type: z.string(),
  field_name: nullableString,
  recurring: z.boolean().default(false),
  rounding_function: nullableString,
  expression: nullableString,
  filters: z.array(z.unknown()).nullish(),
});
export type LagoMetric = z.output<typeof lagoMetricSchema>;

export const lagoChargeSchema = z.looseObject({
  lago_id: z.string(),
  billable_metric_code: z.string(),
  charge_model: z.string(),
  pay_in_advance: z.boolean().default(false),
  invoiceable: z.boolean().default(true),
  prorated: z.boolean().default(false),
  min_amount_cents: z.number().default(0),
  invoice_display_name: nullableString,
  properties: z.record(z.string(), z.unknown()).nullish().transform((value) => value ?? {}),
  filters: z.array(z.unknown()).nullish().transform((value) => value ?? []),
});
export type LagoCharge = z.output<typeof lagoChargeSchema>;

export const lagoPlanSchema = z.looseObject({
  lago_id: z.string(),
  name: z.string(),
  code: z.string(),
  description: nullableString,
  interval: z.string(),
  amount_cents: z.number().int(),
  amount_currency: z.string(),
  pay_in_advance: z.boolean().default(false),
  trial_period: z.number().nullish(),
  bill_charges_monthly: z.boolean().nullish(),
  minimum_commitment: z.unknown().optional(),
  charges: z.array(lagoChargeSchema).nullish().transform((value) => value ?? []),
  fixed_charges: z.array(z.unknown()).nullish().transform((value) => value ?? []),
  usage_thresholds: z.array(z.unknown()).nullish().transform((value) => value ?? []),
});
export type LagoPlan = z.output<typeof lagoPlanSchema>;

export const lagoCustomerSchema = z.looseObject({
  lago_id: z.string(),
  external_id: z.string(),
  name: nullableString,
  firstname: nullableString,
  lastname: nullableString,
  email: nullableString,
  phone: nullableString,
  legal_name: nullableString,
  legal_number: nullableString,
  tax_identification_number: nullableString,
  address_line1: nullableString,
  address_line2: nullableString,
  city: nullableString,
  state: nullableString,
  zipcode: nullableString,
  country: nullableString,
  currency: nullableString,
  timezone: nullableString,
  net_payment_term: z.number().int().nullish(),
  shipping_address: z.looseObject({
    address_line1: nullableString, address_line2: nullableString, city: nullableString, state: nullableString, zipcode: nullableString, country: nullableString,
  }).nullish(),
  metadata: z
    .array(z.looseObject({ key: z.string(), value: z.string(), display_in_invoice: z.boolean().default(false) }))
    .nullish()
    .transform((value) => value ?? []),
});
export type LagoCustomer = z.output<typeof lagoCustomerSchema>;

export const lagoSubscriptionSchema = z.looseObject({
  lago_id: z.string(),
  external_id: z.string(),
  external_customer_id: z.string(),
  plan_code: z.string(),
  name: nullableString,
  status: z.string(),
  billing_time: z.enum(["calendar", "anniversary"]).default("calendar"),
  subscription_at: nullableString,
  started_at: nullableString,
  ending_at: nullableString,
  terminated_at: nullableString,
  canceled_at: nullableString,
  trial_ended_at: nullableString,
  plan_amount_cents: z.number().nullish(),
});
export type LagoSubscription = z.output<typeof lagoSubscriptionSchema>;

export const lagoEventSchema = z.looseObject({
  transaction_id: z.string(),
  external_subscription_id: z.string(),
  code: z.string(),
  timestamp: z.string(),
  properties: z.unknown().optional(),
});
export type LagoEvent = z.output<typeof lagoEventSchema>;

export const lagoFeeSchema = z.looseObject({
  lago_id: nullableString,
  external_customer_id: nullableString,
  external_subscription_id: nullableString,
  amount_cents: z.number().int(),
  amount_currency: z.string(),
  units: z.union([z.string(), z.number()]).transform(String),
  from_date: nullableString,
  to_date: nullableString,
  item: z.looseObject({ type: z.string(), code: z.string() }),
});
export type LagoFee = z.output<typeof lagoFeeSchema>;

export const lagoInvoiceSchema = z.looseObject({
  lago_id: z.string(),
  number: z.string(),
  issuing_date: z.string(),
  status: z.string(),
  currency: z.string(),
  total_amount_cents: z.number().int(),
  customer: z.looseObject({ external_id: z.string() }).nullish(),
  fees: z.array(lagoFeeSchema).nullish().transform((value) => value ?? []),
});
export type LagoInvoice = z.output<typeof lagoInvoiceSchema>;

/** GET /credit_notes rows (CreditNoteSerializer with items: each item's fee as in an invoice). */
export const lagoCreditNoteSchema = z.looseObject({
  lago_id: z.string(),
  number: z.string(),
  lago_invoice_id: z.string(),
  issuing_date: z.string(),
  credit_status: nullableString,
  currency: z.string(),
  total_amount_cents: z.number().int(),
  items: z.array(z.looseObject({
    lago_id: nullableString,
    amount_cents: z.number().int(),
    amount_currency: z.string(),
    fee: lagoFeeSchema,
  })).nullish().transform((value) => value ?? []),
});
export type LagoCreditNote = z.output<typeof lagoCreditNoteSchema>;
