import { describe, expect, it } from "vitest";
import { lagoCustomerSchema } from "./lago-wire";
import { mapLagoCustomer } from "./map-lago-customer";

// Shape of GET /api/v1/customers/{external_id} in Lago's API reference: every field present, nulls included.
const lagoCustomerJson = {
  lago_id: "1a901a90-1a90-1a90-1a90-1a901a901a90",
  external_id: "acme-1",
  account_type: "customer",
  name: "Acme Inc",
  firstname: "Ada",
  lastname: null,
  email: "billing@acme.test",
  phone: null,
  legal_name: "Acme Incorporated",
  legal_number: "US-123",
  tax_identification_number: "EU123456789",
  address_line1: "5230 Penfield Ave",
  address_line2: null,
  city: "Woodland Hills",
  state: "CA",
  zipcode: "91364",
  country: "US",
  currency: "USD",
  timezone: "America/Los_Angeles",
  applicable_timezone: "America/Los_Angeles",
  net_payment_term: 30,
  shipping_address: { address_line1: "1 Dock Rd", address_line2: null, city: "Oakland", state: "CA", zipcode: "94607", country: "US" },
  billing_configuration: { invoice_grace_period: 3, payment_provider: "stripe" },
  metadata: [{ lago_id: "m-1", key: "plan tier", value: "gold", display_in_invoice: true, created_at: "2022-04-29T08:59:51Z" }],
  integration_customers: [],
  created_at: "2022-04-29T08:59:51Z",
};

describe("mapLagoCustomer", () => {
  it("keeps the app-owned fields, nulls included, the payment term and shipping address with them, and drops Lago's billing configuration", () => {
    const fields = mapLagoCustomer(lagoCustomerSchema.parse(lagoCustomerJson));
    expect(fields).toEqual({
      name: "Acme Inc", firstname: "Ada", lastname: null, email: "billing@acme.test", phone: null,
      legalName: "Acme Incorporated", legalNumber: "US-123", taxIdentificationNumber: "EU123456789",
      addressLine1: "5230 Penfield Ave", addressLine2: null, city: "Woodland Hills", state: "CA", zipcode: "91364",
      country: "US", currency: "USD", timezone: "America/Los_Angeles", netPaymentTerm: 30,
      shippingAddressLine1: "1 Dock Rd", shippingAddressLine2: null, shippingCity: "Oakland", shippingState: "CA", shippingZipcode: "94607", shippingCountry: "US",
      metadata: [{ key: "plan tier", value: "gold", display_in_invoice: true }],
    });
  });

  it("treats absent metadata as none, so a re-import clears metadata removed in Lago", () => {
    const fields = mapLagoCustomer(lagoCustomerSchema.parse({ ...lagoCustomerJson, metadata: null }));
    expect(fields.metadata).toEqual([]);
  });
});
