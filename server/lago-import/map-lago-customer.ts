import type { CustomerFields } from "~/server/identity/customer-fields";
import type { LagoCustomer } from "./lago-wire";

/** The app-owned customer fields of a Lago customer (billing configuration and integrations stay in Lago). */
export function mapLagoCustomer(customer: LagoCustomer): CustomerFields {
  return {
    name: customer.name,
    firstname: customer.firstname,
    lastname: customer.lastname,
    email: customer.email,
    phone: customer.phone,
    legalName: customer.legal_name,
    legalNumber: customer.legal_number,
    taxIdentificationNumber: customer.tax_identification_number,
    addressLine1: customer.address_line1,
    addressLine2: customer.address_line2,
    city: customer.city,
    state: customer.state,
    zipcode: customer.zipcode,
    country: customer.country,
    currency: customer.currency,
    timezone: customer.timezone,
    metadata: customer.metadata.map(({ key, value, display_in_invoice }) => ({ key, value, display_in_invoice })),
  };
}
