import { describe, expect, it } from "vitest";
import { createTestService, uniqueCode } from "../support/fixtures";

describe("billable metrics", () => {
  it("creates, reads, lists, updates and deletes by code", async () => {
    const { api } = await createTestService();
    const code = uniqueCode("gb");
    const created = await api.post("/billable_metrics", { billable_metric: { name: "Storage", code, aggregation_type: "max_agg", field_name: "gb" } });
    expect(created.status).toBe(200);
    expect(created.body.billable_metric).toMatchObject({ code, name: "Storage", aggregation_type: "max_agg", field_name: "gb", recurring: false, filters: [] });
    expect((await api.get(`/billable_metrics/${code}`)).body.billable_metric.lago_id).toBe(created.body.billable_metric.lago_id);
    const list = await api.get("/billable_metrics?per_page=1000");
    expect(list.body.billable_metrics.some((m: { code: string }) => m.code === code)).toBe(true);
    const updated = await api.put(`/billable_metrics/${code}`, { billable_metric: { name: "Storage GB" } });
    expect(updated.body.billable_metric).toMatchObject({ name: "Storage GB", aggregation_type: "max_agg" });
    expect((await api.delete(`/billable_metrics/${code}`)).body.billable_metric.code).toBe(code);
    expect((await api.get(`/billable_metrics/${code}`)).body).toEqual({ status: 404, error: "Not Found", code: "billable_metric_not_found" });
  });

  it.each([
    [{ name: "x", aggregation_type: "sum_agg" }, { field_name: ["value_is_mandatory"] }],
    [{ name: "x", aggregation_type: "count_agg", recurring: true }, { recurring: ["not_compatible_with_aggregation_type"] }],
    [{ name: "x", aggregation_type: "weighted_sum_agg", field_name: "f" }, { aggregation_type: ["value_is_invalid"] }],
    [{ aggregation_type: "count_agg" }, { name: ["value_is_mandatory"] }],
  ])("refuses %j", async (metric, details) => {
    const { api } = await createTestService();
    const response = await api.post("/billable_metrics", { billable_metric: { code: uniqueCode("bad"), ...metric } });
    expect(response.status).toBe(422);
    expect(response.body.error_details).toEqual(details);
  });

  it("refuses a duplicate code", async () => {
    const { api } = await createTestService();
    const metric = { name: "x", code: uniqueCode("dup"), aggregation_type: "count_agg" };
    await api.post("/billable_metrics", { billable_metric: metric });
    const again = await api.post("/billable_metrics", { billable_metric: metric });
    expect(again.status).toBe(422);
    expect(again.body.error_details).toEqual({ code: ["value_already_exist"] });
  });
});

describe("plans with charges", () => {
  async function metric(api: Awaited<ReturnType<typeof createTestService>>["api"]) {
    const response = await api.post("/billable_metrics", { billable_metric: { name: "Requests", code: uniqueCode("req"), aggregation_type: "count_agg" } });
    return response.body.billable_metric as { lago_id: string; code: string };
  }

  it("creates a plan with a graduated charge and reads it back", async () => {
    const { api } = await createTestService();
    const requests = await metric(api);
    const code = uniqueCode("plan");
    const ranges = [
      { from_value: 0, to_value: 1000, per_unit_amount: "0", flat_amount: "0" },
      { from_value: 1000, to_value: null, per_unit_amount: "0.002", flat_amount: "1" },
    ];
    const created = await api.post("/plans", {
      plan: { name: "API", code, interval: "monthly", amount_cents: 1999, amount_currency: "CAD", charges: [{ billable_metric_id: requests.lago_id, charge_model: "graduated", properties: { graduated_ranges: ranges } }] },
    });
    expect(created.status).toBe(200);
    expect(created.body.plan).toMatchObject({ code, amount_cents: 1999, amount_currency: "CAD", interval: "monthly" });
    expect(created.body.plan.charges[0]).toMatchObject({ charge_model: "graduated", billable_metric_code: requests.code, lago_billable_metric_id: requests.lago_id });
    expect(created.body.plan.charges[0].properties.graduated_ranges).toHaveLength(2);
    expect((await api.get(`/plans/${code}`)).body.plan.charges).toHaveLength(1);
  });

  it("replaces the charge set on update", async () => {
    const { api } = await createTestService();
    const [a, b] = [await metric(api), await metric(api)];
    const code = uniqueCode("plan");
    await api.post("/plans", { plan: { name: "P", code, interval: "yearly", amount_cents: 0, amount_currency: "USD", charges: [{ billable_metric_id: a.lago_id, charge_model: "standard", properties: { amount: "1" } }] } });
    const updated = await api.put(`/plans/${code}`, { plan: { name: "P2", charges: [{ billable_metric_id: b.lago_id, charge_model: "package", properties: { amount: "5", package_size: 100 } }] } });
    expect(updated.status).toBe(200);
    expect(updated.body.plan.name).toBe("P2");
    expect(updated.body.plan.charges.map((c: { billable_metric_code: string }) => c.billable_metric_code)).toEqual([b.code]);
  });

  it("refuses invalid charge properties, naming the charge", async () => {
    const { api } = await createTestService();
    const requests = await metric(api);
    const response = await api.post("/plans", {
      plan: { name: "P", code: uniqueCode("plan"), interval: "monthly", amount_cents: 0, amount_currency: "CAD", charges: [{ billable_metric_id: requests.lago_id, charge_model: "standard", properties: { amount: "-1" } }] },
    });
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.error_details)[0]).toMatch(/^charges\.0\.properties/);
  });

  it.each([
    [{ interval: "daily" }, { interval: ["value_is_invalid"] }],
    [{ amount_cents: 12.5 }, { amount_cents: ["invalid_format"] }],
    [{ amount_cents: -1 }, { amount_cents: ["value_is_out_of_range"] }],
    [{ amount_currency: "EURO" }, { amount_currency: ["value_is_invalid"] }],
  ])("refuses %j", async (override, details) => {
    const { api } = await createTestService();
    const response = await api.post("/plans", { plan: { name: "P", code: uniqueCode("plan"), interval: "monthly", amount_cents: 100, amount_currency: "CAD", ...override } });
    expect(response.status).toBe(422);
    expect(response.body.error_details).toEqual(details);
  });

  it("answers 404 for a charge on an unknown metric", async () => {
    const { api } = await createTestService();
    const response = await api.post("/plans", {
      plan: { name: "P", code: uniqueCode("plan"), interval: "monthly", amount_cents: 0, amount_currency: "CAD", charges: [{ billable_metric_id: "00000000-0000-4000-8000-000000000000", charge_model: "standard", properties: { amount: "1" } }] },
    });
    expect(response.body).toEqual({ status: 404, error: "Not Found", code: "billable_metrics_not_found" });
  });

  it("refuses to delete a plan or metric still in use", async () => {
    const { api } = await createTestService();
    const requests = await metric(api);
    const code = uniqueCode("plan");
    await api.post("/plans", { plan: { name: "P", code, interval: "monthly", amount_cents: 0, amount_currency: "CAD", charges: [{ billable_metric_id: requests.lago_id, charge_model: "standard", properties: { amount: "1" } }] } });
    await api.post("/subscriptions", { subscription: { external_customer_id: uniqueCode("c"), plan_code: code, external_id: uniqueCode("s") } });
    expect((await api.delete(`/plans/${code}`)).body.error_details).toEqual({ plan: ["attached_to_subscriptions"] });
    expect((await api.delete(`/billable_metrics/${requests.code}`)).body.error_details).toEqual({ billable_metric: ["attached_to_plans"] });
    expect((await api.get(`/plans/${code}`)).status).toBe(200);
  });

  it("keeps a subscribed plan's interval and billing timing, but takes a new amount", async () => {
    const { api } = await createTestService();
    const code = uniqueCode("plan");
    const plan = { name: "P", code, interval: "monthly", amount_cents: 1000, amount_currency: "CAD", pay_in_advance: false };
    await api.post("/plans", { plan });
    await api.post("/subscriptions", { subscription: { external_customer_id: uniqueCode("c"), plan_code: code, external_id: uniqueCode("s") } });
    const refused = await api.put(`/plans/${code}`, { plan: { ...plan, interval: "yearly", pay_in_advance: true } });
    expect(refused.status).toBe(422);
    expect(refused.body.error_details).toEqual({ interval: ["attached_to_subscriptions"], pay_in_advance: ["attached_to_subscriptions"] });
    // Clients that send the whole plan back unchanged are fine.
    const repriced = await api.put(`/plans/${code}`, { plan: { ...plan, amount_cents: 1500 } });
    expect(repriced.status).toBe(200);
    expect(repriced.body.plan).toMatchObject({ interval: "monthly", pay_in_advance: false, amount_cents: 1500 });
  });
});
