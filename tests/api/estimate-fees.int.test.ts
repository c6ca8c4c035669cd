import { describe, expect, it } from "vitest";
import { createBillingSetup, createTestService, testDb } from "../support/fixtures";

describe("POST /events/estimate_fees", () => {
  it("prices what one more event adds to the open period, free units used first, storing nothing", async () => {
    const { api } = await createTestService("estimate");
    const setup = await createBillingSetup(api, { properties: { amount: "0.50", free_units: "10" } });
    const estimate = (units: unknown) => api.post("/events/estimate_fees", { event: { code: setup.metricCode, external_subscription_id: setup.subscriptionId, properties: { units } } });

    // Nothing used yet: 5 units are within the 10 free.
    expect((await estimate(5)).body.fees).toEqual([expect.objectContaining({ amount_cents: 0, units: "5", item: expect.objectContaining({ code: setup.metricCode }) })]);
    const sent = await api.post("/events", { event: { transaction_id: `${setup.subscriptionId}-1`, external_subscription_id: setup.subscriptionId, code: setup.metricCode, properties: { units: 8 } } });
    expect(sent.status).toBe(200);
    // 8 used: 5 more is 13, 3 over the quota × $0.50.
    const [fee] = (await estimate(5)).body.fees;
    expect(fee).toMatchObject({
      amount_cents: 150, total_amount_cents: 150, amount_currency: "CAD", taxes_amount_cents: 0, units: "5", events_count: 1,
      external_subscription_id: setup.subscriptionId, external_customer_id: setup.customerId, to_date: expect.stringMatching(/T23:59:59Z$/),
    });
    expect(await (await testDb()).usageEvent.count({ where: { subscription: { externalId: setup.subscriptionId } } })).toBe(1);
  });

  it("answers Lago's errors", async () => {
    const { api } = await createTestService("estimate");
    const setup = await createBillingSetup(api);
    const post = (event: Record<string, unknown>) => api.post("/events/estimate_fees", { event });
    expect((await post({ code: setup.metricCode, external_subscription_id: "nobody", properties: { units: 1 } })).body).toMatchObject({ status: 404, code: "subscription_not_found" });
    expect((await post({ code: "nothing", external_subscription_id: setup.subscriptionId })).body).toMatchObject({ status: 404, code: "billable_metric_not_found" });
    expect((await post({ code: setup.metricCode, external_subscription_id: setup.subscriptionId, properties: { units: "many" } })).body.error_details).toEqual({ properties: ["value_is_not_valid_number"] });
    expect((await post({ external_subscription_id: setup.subscriptionId })).body.error_details).toEqual({ code: ["value_is_mandatory"] });
    expect((await api.post("/events/estimate_fees", {})).status).toBe(400);

    const { api: other } = await createTestService("estimate");
    const latest = await createBillingSetup(other, { aggregation: "max_agg" });
    expect((await other.post("/events/estimate_fees", { event: { code: latest.metricCode, external_subscription_id: latest.subscriptionId, properties: { units: 3 } } })).body.error_details)
      .toEqual({ code: ["aggregation_has_no_fee_per_event"] });
  });
});
