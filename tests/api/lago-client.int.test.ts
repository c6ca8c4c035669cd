import { Client } from "lago-javascript-client";
import { describe, expect, inject, it } from "vitest";
import { createTestService, uniqueCode } from "../support/fixtures";

/** Compatibility proof: the official Lago client, unmodified, pointed at the hub. */
describe("lago-javascript-client against the hub", () => {
  it("drives metrics, plans, customers, subscriptions, events and current usage", async () => {
    const { apiKey } = await createTestService("lago");
    const lago = Client(apiKey, { baseUrl: `${inject("baseUrl")}/api/v1` });
    const metricCode = uniqueCode("api_calls");
    const planCode = uniqueCode("starter");

    const { data: metric } = await lago.billableMetrics.createBillableMetric({
      billable_metric: { name: "API calls", code: metricCode, aggregation_type: "sum_agg", field_name: "calls" },
    });
    expect(metric.billable_metric.code).toBe(metricCode);
    expect((await lago.billableMetrics.findBillableMetric(metricCode)).data.billable_metric.aggregation_type).toBe("sum_agg");
    const updatedMetric = await lago.billableMetrics.updateBillableMetric(metricCode, { billable_metric: { name: "API calls (v2)" } });
    expect(updatedMetric.data.billable_metric.name).toBe("API calls (v2)");
    expect((await lago.billableMetrics.findAllBillableMetrics({ per_page: 1000 })).data.billable_metrics.map((m) => m.code)).toContain(metricCode);

    const { data: plan } = await lago.plans.createPlan({
      plan: {
        name: "Starter", code: planCode, interval: "monthly", amount_cents: 1500, amount_currency: "CAD", pay_in_advance: false,
        charges: [{ billable_metric_id: metric.billable_metric.lago_id, charge_model: "standard", properties: { amount: "0.01", free_units: "100" } as never }],
      },
    });
    expect(plan.plan.charges?.[0]?.charge_model).toBe("standard");
    expect((await lago.plans.findPlan(planCode)).data.plan.amount_cents).toBe(1500);
    expect((await lago.plans.updatePlan(planCode, { plan: { name: "Starter+" } })).data.plan.name).toBe("Starter+");
    expect((await lago.plans.findAllPlans({ per_page: 1000 })).data.plans.map((p) => p.code)).toContain(planCode);

    const { data: customer } = await lago.customers.createCustomer({ customer: { external_id: "lago-cust", name: "Initech", currency: "CAD", email: "ap@initech.test" } });
    expect(customer.customer.external_id).toBe("lago-cust");
    expect((await lago.customers.findCustomer("lago-cust")).data.customer.name).toBe("Initech");
    expect((await lago.customers.findAllCustomers({ per_page: 10 })).data.meta.total_count).toBe(1);

    const { data: subscription } = await lago.subscriptions.createSubscription({
      subscription: { external_customer_id: "lago-cust", plan_code: planCode, external_id: "lago-sub", billing_time: "calendar", subscription_at: "2024-01-01T00:00:00Z" },
    });
    expect(subscription.subscription.status).toBe("active");
    expect((await lago.subscriptions.findAllSubscriptions({ external_customer_id: "lago-cust" })).data.subscriptions).toHaveLength(1);

    const { data: event } = await lago.events.createEvent({ event: { transaction_id: "lago-tx-1", external_subscription_id: "lago-sub", code: metricCode, properties: { calls: 250 } } });
    expect(event.event.transaction_id).toBe("lago-tx-1");
    await lago.events.createBatchEvents({
      events: [
        { transaction_id: "lago-tx-2", external_subscription_id: "lago-sub", code: metricCode, properties: { calls: 50 } },
        { transaction_id: "lago-tx-3", external_subscription_id: "lago-sub", code: metricCode, properties: { calls: 100 } },
      ],
    });
    expect((await lago.events.findEvent("lago-tx-2")).data.event.properties).toEqual({ calls: 50 });

    const { data: usage } = await lago.customers.findCustomerCurrentUsage("lago-cust", { external_subscription_id: "lago-sub" });
    // 400 calls, 100 free, 300 × $0.01 = $3.00
    expect(usage.customer_usage.amount_cents).toBe(300);
    expect(usage.customer_usage.charges_usage[0]?.units).toBe("400");

    const failure = await lago.customers.findCustomer("nobody").catch((error: { status: number; error: unknown }) => error);
    expect(failure).toMatchObject({ status: 404, error: { code: "customer_not_found" } });

    expect((await lago.subscriptions.destroySubscription("lago-sub")).data.subscription.status).toBe("terminated");
    expect((await lago.customers.destroyCustomer("lago-cust")).data.customer.external_id).toBe("lago-cust");
    await lago.plans.destroyPlan(planCode).catch((error: { status: number }) => expect(error.status).toBe(422));
  });
});
