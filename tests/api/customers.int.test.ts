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
