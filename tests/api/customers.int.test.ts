import { describe, expect, it } from "vitest";
import { createTestService, testDb } from "../support/fixtures";

describe("customers", () => {
  it("upserts by external_id, updating only the keys sent", async () => {
    const { api } = await createTestService();
    const created = await api.post("/customers", { customer: { external_id: "c1", name: "Acme", email: "billing@acme.test", currency: "cad", country: "ca" } });
    expect(created.status).toBe(200);
    expect(created.body.customer).toMatchObject({ external_id: "c1", name: "Acme", email: "billing@acme.test", currency: "CAD", country: "CA", applicable_timezone: "UTC" });
    const updated = await api.post("/customers", { customer: { external_id: "c1", name: "Acme Inc." } });
    expect(updated.body.customer).toMatchObject({ lago_id: created.body.customer.lago_id, name: "Acme Inc.", email: "billing@acme.test", currency: "CAD" });
    expect((await api.get("/customers/c1")).body.customer.name).toBe("Acme Inc.");
  });

  it("keeps net_payment_term and the shipping address, returned as Lago returns them and updated key by key", async () => {
    const { api, service } = await createTestService();
    const created = await api.post("/customers", {
      customer: { external_id: "c-ship", net_payment_term: 30, shipping_address: { address_line1: "1 Dock Rd", city: "Halifax", zipcode: "B3H 1A1", state: "NS", country: "ca" } },
    });
    expect(created.status).toBe(200);
    const shipped = { address_line1: "1 Dock Rd", address_line2: null, city: "Halifax", zipcode: "B3H 1A1", state: "NS", country: "CA" };
    expect(created.body.customer).toMatchObject({ net_payment_term: 30, shipping_address: shipped });
    // Only the keys sent change: the term stays, one address line moves; a null address changes nothing.
    const updated = await api.post("/customers", { customer: { external_id: "c-ship", shipping_address: { address_line2: "Pier 21" } } });
    expect(updated.body.customer).toMatchObject({ net_payment_term: 30, shipping_address: { ...shipped, address_line2: "Pier 21" } });
    await api.post("/customers", { customer: { external_id: "c-ship", net_payment_term: 0, shipping_address: null } });
    expect((await api.get("/customers/c-ship")).body.customer).toMatchObject({ net_payment_term: 0, shipping_address: { ...shipped, address_line2: "Pier 21" } });
    // null is Lago's "inherit".
    expect((await api.post("/customers", { customer: { external_id: "c-ship", net_payment_term: null } })).body.customer.net_payment_term).toBeNull();
    const stored = await (await testDb()).accountLink.findUniqueOrThrow({ where: { serviceId_externalId: { serviceId: service.id, externalId: "c-ship" } } });
    expect(stored).toMatchObject({ netPaymentTerm: null, shippingAddressLine1: "1 Dock Rd", shippingAddressLine2: "Pier 21", shippingCity: "Halifax", shippingZipcode: "B3H 1A1", shippingState: "NS", shippingCountry: "CA" });
    // A customer without either reads as Lago's default.
    const plain = await api.post("/customers", { customer: { external_id: "c-plain" } });
    expect(plain.body.customer).toMatchObject({ net_payment_term: null, shipping_address: { address_line1: null, address_line2: null, city: null, zipcode: null, state: null, country: null } });
  });

  it("folds each new app account into a billing customer", async () => {
    const { api, service } = await createTestService();
    await api.post("/customers", { customer: { external_id: "c-fold", name: "Fold Ltd" } });
    const link = await (await testDb()).accountLink.findUniqueOrThrow({
      where: { serviceId_externalId: { serviceId: service.id, externalId: "c-fold" } },
      include: { billingCustomer: true },
    });
    expect(link.billingCustomer.name).toBe("Fold Ltd");
    expect(link.billingCustomer.odooPartnerId).toBeNull();
  });

  it.each([
    [{ name: "x" }, { external_id: ["value_is_mandatory"] }],
    [{ external_id: "c", currency: "XYZ" }, { currency: ["value_is_invalid"] }],
    [{ external_id: "c", email: "not-an-email" }, { email: ["invalid_email_format"] }],
    [{ external_id: "c", country: "Canada" }, { country: ["not_a_valid_country_code"] }],
    [{ external_id: "c", timezone: "Mars/Olympus" }, { timezone: ["invalid_timezone"] }],
    [{ external_id: "c", name: "n".repeat(300) }, { name: ["value_is_too_long"] }],
    [{ external_id: 42 }, { external_id: ["invalid_format"] }],
    // Lago: `numericality: {greater_than_or_equal_to: 0}` (value_is_out_of_range); the column is an integer.
    [{ external_id: "c", net_payment_term: -1 }, { net_payment_term: ["value_is_out_of_range"] }],
    [{ external_id: "c", net_payment_term: 1.5 }, { net_payment_term: ["invalid_format"] }],
    [{ external_id: "c", net_payment_term: "30" }, { net_payment_term: ["invalid_format"] }],
    // Lago validates the shipping country as its column, shipping_country.
    [{ external_id: "c", shipping_address: { country: "Canada" } }, { shipping_country: ["not_a_valid_country_code"] }],
    [{ external_id: "c", shipping_address: { city: "c".repeat(300) } }, { "shipping_address.city": ["value_is_too_long"] }],
    [{ external_id: "c", shipping_address: "Halifax" }, { shipping_address: ["invalid_format"] }],
  ])("refuses %j", async (customer, details) => {
    const { api, service } = await createTestService();
    const response = await api.post("/customers", { customer });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ status: 422, error: "Unprocessable Entity", code: "validation_errors", error_details: details });
    expect(await (await testDb()).accountLink.count({ where: { serviceId: service.id } })).toBe(0);
  });

  it("lists with Lago's pagination meta", async () => {
    const { api } = await createTestService();
    for (let i = 0; i < 5; i++) await api.post("/customers", { customer: { external_id: `p${i}` } });
    const page1 = await api.get("/customers?per_page=2");
    expect(page1.body.customers).toHaveLength(2);
    expect(page1.body.meta).toEqual({ current_page: 1, next_page: 2, prev_page: null, total_pages: 3, total_count: 5 });
    const page3 = await api.get("/customers?per_page=2&page=3");
    expect(page3.body.customers).toHaveLength(1);
    expect(page3.body.meta).toEqual({ current_page: 3, next_page: null, prev_page: 2, total_pages: 3, total_count: 5 });
    const all = [...page1.body.customers, ...(await api.get("/customers?per_page=2&page=2")).body.customers, ...page3.body.customers];
    expect(new Set(all.map((c: { external_id: string }) => c.external_id)).size).toBe(5);
  });

  it("keeps each service's customers to itself", async () => {
    const a = await createTestService();
    const b = await createTestService();
    await a.api.post("/customers", { customer: { external_id: "shared-id", name: "A's" } });
    expect((await b.api.get("/customers/shared-id")).body).toEqual({ status: 404, error: "Not Found", code: "customer_not_found" });
    await b.api.post("/customers", { customer: { external_id: "shared-id", name: "B's" } });
    expect((await a.api.get("/customers/shared-id")).body.customer.name).toBe("A's");
    expect((await b.api.get("/customers")).body.meta.total_count).toBe(1);
  });

  it("deletes a customer, terminating its subscriptions", async () => {
    const { api } = await createTestService();
    const metric = await api.post("/billable_metrics", { billable_metric: { name: "n", code: `del_${Date.now()}`, aggregation_type: "count_agg" } });
    const planCode = `del_plan_${Date.now()}`;
    await api.post("/plans", { plan: { name: "p", code: planCode, interval: "monthly", amount_cents: 0, amount_currency: "CAD", charges: [{ billable_metric_id: metric.body.billable_metric.lago_id, charge_model: "standard", properties: { amount: "1" } }] } });
    await api.post("/subscriptions", { subscription: { external_customer_id: "gone", plan_code: planCode, external_id: "gone-sub" } });
    const deleted = await api.delete("/customers/gone");
    expect(deleted.status).toBe(200);
    expect(deleted.body.customer.external_id).toBe("gone");
    expect((await api.get("/customers/gone")).status).toBe(404);
    expect((await api.get("/subscriptions/gone-sub")).body.subscription.status).toBe("terminated");
    expect((await api.delete("/customers/gone")).status).toBe(404);
  });
});
