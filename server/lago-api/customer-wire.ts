import { z } from "zod";
import type { AccountLink } from "~/generated/prisma/client";
import type { CustomerFields } from "~/server/identity/customer-fields";
import type { UnsupportedField } from "./unsupported-fields";
import { currencyCode, isoSeconds, optionalString, presentKeys, requiredString } from "./wire-common";

const TIMEZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const countryCode = z.string({ error: "not_a_valid_country_code" }).trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "not_a_valid_country_code" });

const shippingAddressSchema = z.object({
  address_line1: optionalString(255),
  address_line2: optionalString(255),
  city: optionalString(255),
  state: optionalString(255),
  zipcode: optionalString(64),
  // Its code is checked at the root: Lago names a bad one `shipping_country`, its column.
  country: z.string({ error: "not_a_valid_country_code" }).trim().toUpperCase().nullish(),
}, { error: "invalid_format" });

export const customerInputSchema = z.object({
  external_id: requiredString(255),
  name: optionalString(255),
  firstname: optionalString(255),
  lastname: optionalString(255),
  // Lago allows a comma-separated list of addresses.
  email: optionalString(1024).refine((v) => !v || v.split(",").every((e) => EMAIL.test(e.trim())), { error: "invalid_email_format" }),
  phone: optionalString(64),
  legal_name: optionalString(255),
  legal_number: optionalString(255),
  tax_identification_number: optionalString(255),
  address_line1: optionalString(255),
  address_line2: optionalString(255),
  city: optionalString(255),
  state: optionalString(255),
  zipcode: optionalString(64),
  country: countryCode.nullish(),
  shipping_address: shippingAddressSchema.nullish(),
  currency: currencyCode.nullish(),
  timezone: z.string({ error: "invalid_timezone" }).refine((tz) => TIMEZONES.has(tz), { error: "invalid_timezone" }).nullish(),
  // Lago: days from an invoice's date to its due date, `numericality: {greater_than_or_equal_to: 0}`; null inherits.
  // At most what an integer column (ours, Odoo's nb_days) holds.
  net_payment_term: z.number({ error: "invalid_format" }).int({ error: "invalid_format" }).min(0, { error: "value_is_out_of_range" })
    .max(2_147_483_647, { error: "value_is_out_of_range" }).nullish(),
  metadata: z
    .array(z.object({ key: requiredString(255), value: z.string({ error: "invalid_format" }).max(4096), display_in_invoice: z.boolean().default(false) }))
    .max(50, { error: "too_many_items" })
    .nullish(),
}).superRefine((input, ctx) => {
  const country = input.shipping_address?.country;
  if (country != null && !countryCode.safeParse(country).success) ctx.addIssue({ code: "custom", path: ["shipping_country"], message: "not_a_valid_country_code" });
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

/**
 * Customer fields Lago documents that the hub does not keep (no Odoo counterpart wired
 * yet: tax codes, PSP and CRM links, invoice sections): a value is a 422 naming the
 * field, not a 200 that drops it.
 */
export const UNSUPPORTED_CUSTOMER_FIELDS: readonly UnsupportedField[] = [
  "billing_entity_code", "logo_url", { name: "account_type", accepts: ["customer"] }, "customer_type", "tax_codes", "url",
  "external_salesforce_id", { name: "finalize_zero_amount_invoice", accepts: ["inherit"] }, "billing_configuration",
  "integration_customers", { name: "skip_invoice_custom_sections", accepts: [false] }, "invoice_custom_section_codes",
];

export function customerFieldsFromWire(input: CustomerInput): CustomerFields {
  const fields = presentKeys(input, {
    name: "name", firstname: "firstname", lastname: "lastname", email: "email", phone: "phone",
    legal_name: "legalName", legal_number: "legalNumber", tax_identification_number: "taxIdentificationNumber",
    address_line1: "addressLine1", address_line2: "addressLine2", city: "city", state: "state", zipcode: "zipcode",
    country: "country", currency: "currency", timezone: "timezone", net_payment_term: "netPaymentTerm",
  }) as CustomerFields;
  if (input.metadata !== undefined) fields.metadata = input.metadata ?? [];
  // As Lago's update: only the address keys sent are written; a null address changes nothing.
  if (input.shipping_address) {
    Object.assign(fields, presentKeys(input.shipping_address, {
      address_line1: "shippingAddressLine1", address_line2: "shippingAddressLine2", city: "shippingCity",
      state: "shippingState", zipcode: "shippingZipcode", country: "shippingCountry",
    }));
  }
  return fields;
}

type Metadata = Array<{ key: string; value: string; display_in_invoice: boolean }>;

export function serializeCustomer(customer: AccountLink) {
  return {
    lago_id: customer.id,
    sequential_id: customer.sequentialId,
    slug: `CUS-${String(customer.sequentialId).padStart(6, "0")}`,
    external_id: customer.externalId,
    billing_entity_code: null,
    account_type: "customer",
    customer_type: null,
    name: customer.name,
    firstname: customer.firstname,
    lastname: customer.lastname,
    email: customer.email,
    phone: customer.phone,
    legal_name: customer.legalName,
    legal_number: customer.legalNumber,
    tax_identification_number: customer.taxIdentificationNumber,
    address_line1: customer.addressLine1,
    address_line2: customer.addressLine2,
    city: customer.city,
    state: customer.state,
    zipcode: customer.zipcode,
    country: customer.country,
    currency: customer.currency,
    timezone: customer.timezone,
    applicable_timezone: customer.timezone ?? "UTC",
    url: null,
    logo_url: null,
    net_payment_term: customer.netPaymentTerm,
    external_salesforce_id: null,
    finalize_zero_amount_invoice: "inherit",
    skip_invoice_custom_sections: false,
    created_at: isoSeconds(customer.createdAt),
    updated_at: isoSeconds(customer.updatedAt),
    billing_configuration: {
      invoice_grace_period: null,
      payment_provider: null,
      payment_provider_code: null,
      document_locale: null,
    },
    shipping_address: {
      address_line1: customer.shippingAddressLine1,
      address_line2: customer.shippingAddressLine2,
      city: customer.shippingCity,
      country: customer.shippingCountry,
      state: customer.shippingState,
      zipcode: customer.shippingZipcode,
    },
    metadata: (customer.metadata as Metadata).map((item, index) => ({
      lago_id: `${customer.id}:${index}`,
      key: item.key,
      value: item.value,
      display_in_invoice: item.display_in_invoice,
      created_at: isoSeconds(customer.createdAt),
    })),
    taxes: [],
    integration_customers: [],
  };
}
