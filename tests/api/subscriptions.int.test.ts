import { describe, expect, it } from "vitest";
import { createBillingSetup, createTestService, uniqueCode } from "../support/fixtures";

describe("subscriptions", () => {
  it("creates a subscription (and the customer, as Lago does) and returns the same one on retry", async () => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api);
    const body = { subscription: { external_customer_id: "new-cust", plan_code: setup.planCode, external_id: "sub-new" } };
    const created = await api.post("/subscriptions", body);
    expect(created.status).toBe(200);
    expect(created.body.subscription).toMatchObject({ external_id: "sub-new", external_customer_id: "new-cust", plan_code: setup.planCode, status: "active", billing_time: "calendar" });
    expect(created.body.subscription.plan.code).toBe(setup.planCode);
    // The first calendar period: from the subscription instant to the month's last second, as Lago writes it.
    const now = new Date();
    expect(created.body.subscription.current_billing_period_started_at).toBe(created.body.subscription.subscription_at);
    expect(created.body.subscription.current_billing_period_ending_at).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 1000).toISOString().replace(".000", ""));
    expect((await api.get("/customers/new-cust")).status).toBe(200);
    const again = await api.post("/subscriptions", body);
    expect(again.body.subscription.lago_id).toBe(created.body.subscription.lago_id);
  });

  it("changes plan in place when the same external id names another plan", async () => {
    const { api } = await createTestService();
    const first = await createBillingSetup(api);
    const second = await createBillingSetup(api);
    const changed = await api.post("/subscriptions", { subscription: { external_customer_id: first.customerId, plan_code: second.planCode, external_id: first.subscriptionId } });
    expect(changed.status).toBe(200);
    expect(changed.body.subscription.plan_code).toBe(second.planCode);
  });

  it("refuses an external id held by another customer", async () => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api);
    const response = await api.post("/subscriptions", { subscription: { external_customer_id: "someone-else", plan_code: setup.planCode, external_id: setup.subscriptionId } });
    expect(response.status).toBe(422);
    expect(response.body.error_details).toEqual({ external_id: ["value_already_exist"] });
    expect((await api.get("/customers/someone-else")).status, "a refused request stores nothing").toBe(404);
  });

  it("creates no customer when the plan does not exist", async () => {
    const { api } = await createTestService();
    const response = await api.post("/subscriptions", { subscription: { external_customer_id: "would-be", plan_code: "no-such-plan", external_id: uniqueCode("s") } });
    expect(response.status).toBe(404);
    expect((await api.get("/customers/would-be")).status).toBe(404);
  });

  it.each([
    [{ plan_code: "no-such-plan" }, 404, { code: "plan_not_found" }],
    [{ billing_time: "sometimes" }, 422, { error_details: { billing_time: ["value_is_invalid"] } }],
    [{ subscription_at: "next tuesday" }, 422, { error_details: { subscription_at: ["invalid_date"] } }],
    [{ external_customer_id: "" }, 422, { error_details: { external_customer_id: ["value_is_mandatory"] } }],
  ])("refuses %j", async (override, status, body) => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api);
    const response = await api.post("/subscriptions", { subscription: { external_customer_id: setup.customerId, plan_code: setup.planCode, external_id: uniqueCode("s"), ...override } });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject(body);
  });

  it("lists active subscriptions by default and filters by status and customer", async () => {
    const { api } = await createTestService();
    const a = await createBillingSetup(api);
    const b = await createBillingSetup(api);
    await api.delete(`/subscriptions/${b.subscriptionId}`);
    const active = await api.get("/subscriptions");
    expect(active.body.subscriptions.map((s: { external_id: string }) => s.external_id)).toEqual([a.subscriptionId]);
    const terminated = await api.get("/subscriptions?status[]=terminated");
    expect(terminated.body.subscriptions.map((s: { external_id: string }) => s.external_id)).toEqual([b.subscriptionId]);
    const both = await api.get(`/subscriptions?status[]=active&status[]=terminated&external_customer_id=${b.customerId}`);
    expect(both.body.meta.total_count).toBe(1);
    expect((await api.get("/subscriptions?status[]=bogus")).status).toBe(422);
  });

  it("terminates, and a second termination is a 404 as in Lago", async () => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api);
    const terminated = await api.delete(`/subscriptions/${setup.subscriptionId}`);
    expect(terminated.status).toBe(200);
    expect(terminated.body.subscription.status).toBe("terminated");
    expect(terminated.body.subscription.terminated_at).toMatch(/Z$/);
    expect((await api.delete(`/subscriptions/${setup.subscriptionId}`)).body).toEqual({ status: 404, error: "Not Found", code: "subscription_not_found" });
  });

  it("cancels a subscription that has not started yet", async () => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api);
    const future = await api.post("/subscriptions", { subscription: { external_customer_id: setup.customerId, plan_code: setup.planCode, external_id: "later", subscription_at: "2099-01-01T00:00:00Z" } });
    expect(future.body.subscription.status).toBe("pending");
    expect((await api.delete("/subscriptions/later")).body.subscription.status).toBe("canceled");
  });
});
