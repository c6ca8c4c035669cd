import { describe, expect, it } from "vitest";
import { signedInAs } from "../support/console-session";
import { createTestService, testDb, uniqueCode } from "../support/fixtures";

/*
 * Issue 15, high: any service key could change another service's prices
 * (PUT /api/v1/plans/maps_payg with NexaCloud's key rewrote NexaMaps' plan, unaudited),
 * and subscribe to another's plan to block its deletion.
 */
const metricBody = (code: string) => ({ billable_metric: { name: "Requests", code, aggregation_type: "count_agg" } });
const planBody = (code: string, metricCode: string, amount = "0.01") => ({
  plan: { name: "Pay as you go", code, interval: "monthly", amount_cents: 0, amount_currency: "CAD", charges: [{ billable_metric_code: metricCode, charge_model: "standard", properties: { amount } }] },
});

async function ownedCatalog() {
  const maps = await createTestService("maps");
  const cloud = await createTestService("cloud");
  const metricCode = uniqueCode("map_requests");
  const planCode = uniqueCode("maps_payg");
  expect((await maps.api.post("/billable_metrics", metricBody(metricCode))).status).toBe(200);
  expect((await maps.api.post("/plans", planBody(planCode, metricCode))).status).toBe(200);
  return { maps, cloud, metricCode, planCode };
}

describe("catalog entries owned by a service", () => {
  it("do not exist for another service's key: 404 on read, write, delete and subscribe, and nothing changes", async () => {
    const { cloud, maps, metricCode, planCode } = await ownedCatalog();
    const db = await testDb();
    const before = await db.plan.findUniqueOrThrow({ where: { code: planCode }, include: { charges: true } });
    expect(before.ownerServiceId).toBe(maps.service.id);

    const notFound = (code: string) => ({ status: 404, body: { status: 404, error: "Not Found", code } });
    expect(await cloud.api.put(`/plans/${planCode}`, planBody(planCode, metricCode, "500"))).toMatchObject(notFound("plan_not_found"));
    expect(await cloud.api.delete(`/plans/${planCode}`)).toMatchObject(notFound("plan_not_found"));
    expect(await cloud.api.get(`/plans/${planCode}`)).toMatchObject(notFound("plan_not_found"));
    expect(await cloud.api.put(`/billable_metrics/${metricCode}`, { billable_metric: { name: "Mine now" } })).toMatchObject(notFound("billable_metric_not_found"));
    expect(await cloud.api.delete(`/billable_metrics/${metricCode}`)).toMatchObject(notFound("billable_metric_not_found"));
    expect(await cloud.api.get(`/billable_metrics/${metricCode}`)).toMatchObject(notFound("billable_metric_not_found"));
    // Nor can its metric be charged in a plan of one's own, or its plan subscribed to.
    expect(await cloud.api.post("/plans", planBody(uniqueCode("p"), metricCode))).toMatchObject(notFound("billable_metrics_not_found"));
    expect(
      await cloud.api.post("/subscriptions", { subscription: { external_customer_id: uniqueCode("c"), plan_code: planCode, external_id: uniqueCode("s") } }),
    ).toMatchObject(notFound("plan_not_found"));
    // Lists show only what the key may use.
    const plans = (await cloud.api.get("/plans?per_page=100")).body.plans.map((plan: { code: string }) => plan.code);
    expect(plans).not.toContain(planCode);
    expect((await maps.api.get("/plans?per_page=100")).body.plans.map((plan: { code: string }) => plan.code)).toContain(planCode);

    const after = await db.plan.findUniqueOrThrow({ where: { code: planCode }, include: { charges: true } });
    expect(after.charges.map((charge) => charge.properties)).toEqual(before.charges.map((charge) => charge.properties));
    expect(await db.auditLog.count({ where: { actorServiceId: cloud.service.id } })).toBe(0);
  });

  it("the owner's writes are audited with the service as actor", async () => {
    const { maps, metricCode, planCode } = await ownedCatalog();
    const db = await testDb();
    const updated = await maps.api.put(`/plans/${planCode}`, planBody(planCode, metricCode, "0.02"));
    expect(updated.status).toBe(200);
    const rows = await db.auditLog.findMany({ where: { actorServiceId: maps.service.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => [row.action, row.actorId])).toEqual([["billable_metric.create", null], ["plan.create", null], ["plan.update", null]]);
    expect(JSON.stringify(rows[2]!.after)).toContain('"0.02"');
    // The console's audit screen names the service.
    const admin = await signedInAs("admin");
    const listed = (await admin.client.audit.list.query({ search: rows[2]!.entityId })).rows;
    expect(listed.find((row) => row.action === "plan.update")).toMatchObject({ actor: { kind: "service", code: maps.service.code } });
    // The catalog screen says whose the plan is.
    const finance = await signedInAs("finance");
    const plans = (await finance.client.catalog.listPlans.query({ search: planCode })).rows;
    expect(plans.map((plan) => [plan.code, plan.ownerService?.code])).toEqual([[planCode, maps.service.code]]);
  });

  it("never lets its owner reprice another service's subscriptions", async () => {
    const { maps, cloud, metricCode, planCode } = await ownedCatalog();
    const db = await testDb();
    // A subscription of another service on the plan (from before ownership existed).
    const plan = await db.plan.findUniqueOrThrow({ where: { code: planCode } });
    const billingCustomer = await db.billingCustomer.create({ data: {} });
    const account = await db.accountLink.create({ data: { serviceId: cloud.service.id, externalId: uniqueCode("c"), billingCustomerId: billingCustomer.id } });
    await db.subscription.create({
      data: { serviceId: cloud.service.id, externalId: uniqueCode("s"), accountLinkId: account.id, planId: plan.id, status: "active", billingTime: "calendar", subscriptionAt: new Date(), startedAt: new Date() },
    });
    const refused = await maps.api.put(`/plans/${planCode}`, planBody(planCode, metricCode, "500"));
    expect(refused).toMatchObject({ status: 403, body: { status: 403, error: "Forbidden", code: "attached_to_other_services_subscriptions" } });
    expect((await maps.api.put(`/billable_metrics/${metricCode}`, { billable_metric: { name: "Renamed" } })).status).toBe(403);
  });
});

describe("shared catalog entries (created in the console)", () => {
  it("price every service's subscriptions but are changed only from the console", async () => {
    const finance = await signedInAs("finance");
    const metric = await finance.client.catalog.createMetric.mutate({ code: uniqueCode("shared_m"), name: "Shared", aggregationType: "count_agg" });
    const plan = await finance.client.catalog.createPlan.mutate({
      code: uniqueCode("shared_p"), name: "Shared plan", interval: "monthly", amountCents: 1000n, amountCurrency: "CAD",
      charges: [{ billableMetricCode: metric.code, chargeModel: "standard", properties: { amount: "1" } }],
    });
    expect(plan.ownerServiceId).toBeNull();
    const { api } = await createTestService("any");
    expect((await api.get(`/plans/${plan.code}`)).status).toBe(200);
    const forbidden = { status: 403, body: { status: 403, error: "Forbidden", code: "catalog_entry_is_shared" } };
    expect(await api.put(`/plans/${plan.code}`, planBody(plan.code, metric.code, "500"))).toMatchObject(forbidden);
    expect(await api.delete(`/plans/${plan.code}`)).toMatchObject(forbidden);
    expect(await api.put(`/billable_metrics/${metric.code}`, { billable_metric: { name: "x" } })).toMatchObject(forbidden);
    const subscribed = await api.post("/subscriptions", { subscription: { external_customer_id: uniqueCode("c"), plan_code: plan.code, external_id: uniqueCode("s") } });
    expect(subscribed.status).toBe(200);
    // Finance still edits it.
    expect((await finance.client.catalog.updatePlan.mutate({ code: plan.code, changes: { name: "Renamed by finance" } })).name).toBe("Renamed by finance");
  });
});
