import { describe, expect, it } from "vitest";
import { createBillingSetup, createTestService } from "../support/fixtures";

const now = new Date();
const periodStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
const periodEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
const inPeriod = Math.floor(periodStart.getTime() / 1000) + 60;
const beforePeriod = Math.floor(periodStart.getTime() / 1000) - 60;

async function send(api: Awaited<ReturnType<typeof createTestService>>["api"], subscriptionId: string, code: string, events: Array<{ properties: Record<string, unknown>; timestamp?: number }>) {
  const response = await api.post("/events/batch", {
    events: events.map((e, i) => ({ transaction_id: `${subscriptionId}-${i}`, external_subscription_id: subscriptionId, code, timestamp: e.timestamp ?? inPeriod, properties: e.properties })),
  });
  expect(response.status).toBe(200);
}

describe("GET /api/v1/customers/{id}/current_usage", () => {
  it("prices the open period: standard charge with free units, earlier periods excluded", async () => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api, { properties: { amount: "0.50", free_units: "10" } });
    await send(api, setup.subscriptionId, setup.metricCode, [
      { properties: { units: 20 } },
      { properties: { units: "5" } },
      { properties: { units: 1000 }, timestamp: beforePeriod },
    ]);
    const response = await api.get(`/customers/${setup.customerId}/current_usage?external_subscription_id=${setup.subscriptionId}`);
    expect(response.status).toBe(200);
    const usage = response.body.customer_usage;
    expect(usage).toMatchObject({
      from_datetime: periodStart.toISOString().replace(".000", ""),
      // Lago writes a period's last second, not the next period's first instant.
      to_datetime: new Date(periodEnd.getTime() - 1000).toISOString().replace(".000", ""),
      issuing_date: periodEnd.toISOString().slice(0, 10),
      currency: "CAD",
      amount_cents: 750,
      taxes_amount_cents: 0,
      total_amount_cents: 750,
    });
    expect(usage.charges_usage).toHaveLength(1);
    expect(usage.charges_usage[0]).toMatchObject({ units: "25", events_count: 2, amount_cents: 750, free_units_used: "10", billable_units: "15", billable_metric: { code: setup.metricCode, aggregation_type: "sum_agg" } });
  });

  it.each([
    ["count_agg", undefined, [{}, {}, {}], "3"],
    ["max_agg", "gb", [{ gb: 3 }, { gb: 12.5 }, { gb: 7 }], "12.5"],
    ["unique_count_agg", "user", [{ user: "a" }, { user: "b" }, { user: "a" }], "2"],
    ["latest_agg", "seats", [{ seats: 9 }, { seats: 4 }], "4"],
  ])("aggregates %s", async (aggregation, fieldName, properties, units) => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api, { aggregation, fieldName, properties: { amount: "1" } });
    await send(api, setup.subscriptionId, setup.metricCode, properties.map((p, i) => ({ properties: p, timestamp: inPeriod + i })));
    const usage = (await api.get(`/customers/${setup.customerId}/current_usage?external_subscription_id=${setup.subscriptionId}`)).body.customer_usage;
    expect(usage.charges_usage[0].units).toBe(units);
    expect(usage.amount_cents).toBe(Number(units) * 100);
  });

  it("prices graduated tiers across an edge", async () => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api, {
      chargeModel: "graduated",
      properties: { graduated_ranges: [
        { from_value: 0, to_value: 10, per_unit_amount: "0", flat_amount: "0" },
        { from_value: 10, to_value: null, per_unit_amount: "1.25", flat_amount: "2" },
      ] },
    });
    await send(api, setup.subscriptionId, setup.metricCode, [{ properties: { units: 14 } }]);
    const usage = (await api.get(`/customers/${setup.customerId}/current_usage?external_subscription_id=${setup.subscriptionId}`)).body.customer_usage;
    // 10 free-tier units, then 4 × 1.25 + 2 flat = 7.00
    expect(usage.amount_cents).toBe(700);
  });

  it("answers 405 no_active_subscription for a terminated subscription and 404 for an unknown customer", async () => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api);
    await api.delete(`/subscriptions/${setup.subscriptionId}`);
    const response = await api.get(`/customers/${setup.customerId}/current_usage?external_subscription_id=${setup.subscriptionId}`);
    expect(response.status).toBe(405);
    expect(response.body).toEqual({ status: 405, error: "Method Not Allowed", code: "no_active_subscription" });
    expect((await api.get(`/customers/nobody/current_usage?external_subscription_id=x`)).body.code).toBe("customer_not_found");
    expect((await api.get(`/customers/${setup.customerId}/current_usage`)).body.error_details).toEqual({ external_subscription_id: ["value_is_mandatory"] });
  });

  it("answers 404 customer_not_found for a deleted customer, whose subscription row stays", async () => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api);
    expect((await api.delete(`/customers/${setup.customerId}`)).status).toBe(200);
    const response = await api.get(`/customers/${setup.customerId}/current_usage?external_subscription_id=${setup.subscriptionId}`);
    expect(response.body).toEqual({ status: 404, error: "Not Found", code: "customer_not_found" });
  });

  it("answers no_active_subscription for a live customer's unknown subscription", async () => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api);
    const response = await api.get(`/customers/${setup.customerId}/current_usage?external_subscription_id=nope`);
    expect(response.body).toEqual({ status: 405, error: "Method Not Allowed", code: "no_active_subscription" });
  });

  it("does not show one service's usage to another", async () => {
    const owner = await createTestService();
    const intruder = await createTestService();
    const setup = await createBillingSetup(owner.api);
    const response = await intruder.api.get(`/customers/${setup.customerId}/current_usage?external_subscription_id=${setup.subscriptionId}`);
    expect(response.body).toEqual({ status: 404, error: "Not Found", code: "customer_not_found" });
  });
});
