import { describe, expect, it } from "vitest";
import { createBillingSetup, createTestService, testDb, uniqueCode } from "../support/fixtures";

// One clock for the file: a date sent and the one read back are the same string.
const start = Date.now();
const inDays = (days: number) => new Date(start + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("PUT /subscriptions/{external_id}", () => {
  it("renames, sets and clears the end date, and audits the change", async () => {
    const { api, service } = await createTestService("put");
    const setup = await createBillingSetup(api);
    const renamed = await api.put(`/subscriptions/${setup.subscriptionId}`, { subscription: { name: "Cloud for ACME", ending_at: inDays(30) } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.subscription).toMatchObject({ name: "Cloud for ACME", ending_at: inDays(30), status: "active", plan: expect.objectContaining({ code: setup.planCode }) });
    const cleared = await api.put(`/subscriptions/${setup.subscriptionId}`, { subscription: { ending_at: null } });
    expect(cleared.body.subscription).toMatchObject({ name: "Cloud for ACME", ending_at: null });
    const audits = await (await testDb()).auditLog.count({ where: { action: "subscription.update", actorServiceId: service.id } });
    expect(audits).toBe(2);
  });

  it("moves a pending subscription's start, and refuses to move a started one's", async () => {
    const { api } = await createTestService("put");
    const setup = await createBillingSetup(api);
    const refused = await api.put(`/subscriptions/${setup.subscriptionId}`, { subscription: { subscription_at: inDays(3) } });
    expect(refused.status).toBe(422);
    expect(refused.body.error_details).toEqual({ subscription_at: ["cannot_be_changed_once_started"] });

    const pendingId = uniqueCode("pending");
    await api.post("/subscriptions", { subscription: { external_customer_id: setup.customerId, plan_code: setup.planCode, external_id: pendingId, subscription_at: inDays(10) } });
    const moved = await api.put(`/subscriptions/${pendingId}`, { subscription: { subscription_at: inDays(5) } });
    expect(moved.body.subscription).toMatchObject({ status: "pending", subscription_at: inDays(5) });
    const started = await api.put(`/subscriptions/${pendingId}`, { subscription: { subscription_at: inDays(-1) } });
    expect(started.body.subscription).toMatchObject({ status: "active", subscription_at: inDays(-1) });
  });

  it("answers Lago's errors: an end before now, an unknown or ended subscription, plan overrides", async () => {
    const { api } = await createTestService("put");
    const setup = await createBillingSetup(api);
    expect((await api.put(`/subscriptions/${setup.subscriptionId}`, { subscription: { ending_at: inDays(-1) } })).body.error_details).toEqual({ ending_at: ["invalid_date"] });
    expect((await api.put(`/subscriptions/${setup.subscriptionId}`, { subscription: { ending_at: "soon" } })).body.error_details).toEqual({ ending_at: ["invalid_date"] });
    const overrides = await api.put(`/subscriptions/${setup.subscriptionId}`, { subscription: { plan_overrides: { amount_cents: 500 } } });
    expect(overrides).toMatchObject({ status: 422, body: { code: "validation_errors", error_details: { plan_overrides: ["unsupported_field"] } } });
    expect((await api.put("/subscriptions/nobody", { subscription: { name: "x" } })).body).toMatchObject({ status: 404, code: "subscription_not_found" });
    expect((await api.put(`/subscriptions/${setup.subscriptionId}`, {})).status).toBe(400);
    await api.delete(`/subscriptions/${setup.subscriptionId}`);
    expect((await api.put(`/subscriptions/${setup.subscriptionId}`, { subscription: { name: "x" } })).status).toBe(404);
  });
});

describe("no silent drops", () => {
  it("refuses Lago subscription fields the hub cannot honour, storing nothing", async () => {
    const { api } = await createTestService("drops");
    const setup = await createBillingSetup(api);
    const externalId = uniqueCode("sub");
    const response = await api.post("/subscriptions", {
      subscription: { external_customer_id: setup.customerId, plan_code: setup.planCode, external_id: externalId, plan_overrides: { amount_cents: 1 }, usage_thresholds: [{ amount_cents: 100 }] },
    });
    expect(response.status).toBe(422);
    expect(response.body.error_details).toEqual({ plan_overrides: ["unsupported_field"], usage_thresholds: ["unsupported_field"] });
    expect((await api.get(`/subscriptions/${externalId}`)).status).toBe(404);
    // Keys sent empty or null ask for nothing.
    const plain = await api.post("/subscriptions", {
      subscription: { external_customer_id: setup.customerId, plan_code: setup.planCode, external_id: externalId, plan_overrides: {}, usage_thresholds: [], purchase_order_number: null },
    });
    expect(plain.status).toBe(200);
  });

  it("refuses Lago customer fields the hub does not keep, and takes their no-op values", async () => {
    const { api } = await createTestService("drops");
    const refused = await api.post("/customers", { customer: { external_id: "c1", tax_codes: ["gst"], billing_configuration: { payment_provider: "stripe" }, url: "https://x.test", account_type: "partner" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error_details).toEqual({ tax_codes: ["unsupported_field"], billing_configuration: ["unsupported_field"], url: ["unsupported_field"], account_type: ["unsupported_field"] });
    expect((await api.get("/customers/c1")).status).toBe(404);
    const accepted = await api.post("/customers", { customer: { external_id: "c1", account_type: "customer", finalize_zero_amount_invoice: "inherit", billing_configuration: { payment_provider: null } } });
    expect(accepted.status).toBe(200);
  });

  it("terminates with Lago's defaults and refuses termination options it cannot honour", async () => {
    const { api } = await createTestService("drops");
    const setup = await createBillingSetup(api, { payInAdvance: true });
    const refused = await api.delete(`/subscriptions/${setup.subscriptionId}?on_termination_invoice=skip&on_termination_credit_note=refund`);
    expect(refused.status).toBe(422);
    expect(refused.body.error_details).toEqual({ on_termination_invoice: ["unsupported_value"], on_termination_credit_note: ["unsupported_value"] });
    expect((await api.delete(`/subscriptions/${setup.subscriptionId}?on_termination_credit_note=later`)).body.error_details).toEqual({ on_termination_credit_note: ["value_is_invalid"] });
    const active = (await api.get(`/subscriptions/${setup.subscriptionId}`)).body.subscription;
    // A prepaid plan's unused days are credited unless told otherwise, as in Lago.
    expect(active).toMatchObject({ status: "active", on_termination_credit_note: "credit" });
    const ended = await api.delete(`/subscriptions/${setup.subscriptionId}?on_termination_invoice=generate&on_termination_credit_note=skip`);
    expect(ended.body.subscription).toMatchObject({ status: "terminated", on_termination_invoice: "generate", on_termination_credit_note: "skip" });
  });

  it("keeps the credit note option of prepaid plans only, settable by PUT", async () => {
    const { api } = await createTestService("drops");
    const prepaid = await createBillingSetup(api, { payInAdvance: true });
    const set = await api.put(`/subscriptions/${prepaid.subscriptionId}`, { subscription: { on_termination_credit_note: "skip" } });
    expect(set.body.subscription.on_termination_credit_note).toBe("skip");
    expect((await api.put(`/subscriptions/${prepaid.subscriptionId}`, { subscription: { on_termination_credit_note: "offset" } })).body.error_details).toEqual({ on_termination_credit_note: ["unsupported_value"] });
    const arrears = await createBillingSetup(api);
    expect((await api.get(`/subscriptions/${arrears.subscriptionId}`)).body.subscription.on_termination_credit_note).toBeNull();
  });
});
