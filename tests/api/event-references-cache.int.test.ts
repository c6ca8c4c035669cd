import { describe, expect, it } from "vitest";
import { createBillingSetup, createTestService, testDb } from "../support/fixtures";

/*
 * The app keeps the subscriptions and metrics its ingestion looked up, and a later write
 * checks them in its own snapshot instead of looking them up again. A change made
 * elsewhere (another app process, the console, Odoo's poll) must still decide the very
 * next event: here the changes are made straight in the database, as another process
 * would make them, right after an event put the references in the cache.
 */
const event = (subscriptionId: string, code: string, transactionId: string, properties: Record<string, unknown> = { units: 1 }) => ({
  transaction_id: transactionId, external_subscription_id: subscriptionId, code, properties,
});

async function cachedSetup() {
  const { api, service } = await createTestService();
  const setup = await createBillingSetup(api);
  const first = await api.post("/events", { event: event(setup.subscriptionId, setup.metricCode, "cached-1") });
  expect(first.status).toBe(200);
  const db = await testDb();
  return { api, service, setup, db, count: () => db.usageEvent.count({ where: { serviceId: service.id } }) };
}

describe("ingestion with cached references", () => {
  it("refuses the next event and batch once Odoo closed the subscription elsewhere", async () => {
    const { api, setup, db, count } = await cachedSetup();
    await db.subscription.updateMany({ where: { externalId: setup.subscriptionId }, data: { odooClosedAt: new Date(Date.now() - 60_000) } });

    const single = await api.post("/events", { event: event(setup.subscriptionId, setup.metricCode, "after-close") });
    expect(single.status).toBe(422);
    expect(single.body.error_details).toEqual({ external_subscription_id: ["subscription_closed_by_odoo"] });
    const batch = await api.post("/events/batch", { events: [event(setup.subscriptionId, setup.metricCode, "after-close-b")] });
    expect(batch.status).toBe(422);
    expect(batch.body.error_details).toEqual({ "0": { external_subscription_id: ["subscription_closed_by_odoo"] } });
    expect(await count()).toBe(1);
  });

  it("reads the metric's new field at once, for single events and batches", async () => {
    const { api, setup, db, count } = await cachedSetup();
    await db.billableMetric.update({ where: { code: setup.metricCode }, data: { fieldName: "amount" } });

    const old = await api.post("/events", { event: event(setup.subscriptionId, setup.metricCode, "old-field") });
    expect(old.status).toBe(422);
    expect(old.body.error_details).toEqual({ properties: ["value_is_not_valid_number"] });
    expect((await api.post("/events", { event: event(setup.subscriptionId, setup.metricCode, "new-field", { amount: 2 }) })).status).toBe(200);
    expect((await api.post("/events/batch", { events: [event(setup.subscriptionId, setup.metricCode, "new-field-b", { amount: 4 })] })).status).toBe(200);

    expect(await count()).toBe(3);
    const rollups = await db.usageRollup.findMany({ where: { code: setup.metricCode } });
    expect(rollups.reduce((sum, rollup) => sum + Number(rollup.sumValue), 0)).toBe(1 + 2 + 4);
  });

  it("applies a start moved later to the next event's timestamp window", async () => {
    const { api, setup, db, count } = await cachedSetup();
    await db.subscription.updateMany({ where: { externalId: setup.subscriptionId }, data: { subscriptionAt: new Date(Date.now() + 5 * 86_400_000) } });

    const response = await api.post("/events/batch", { events: [event(setup.subscriptionId, setup.metricCode, "before-start")] });
    expect(response.status).toBe(422);
    expect(response.body.error_details).toEqual({ "0": { timestamp: ["value_is_out_of_range"] } });
    expect(await count()).toBe(1);
  });

  it("refuses a metric another service took over, and stores nothing of the batch", async () => {
    const { api, setup, db, count } = await cachedSetup();
    const other = await createTestService("other");
    await db.billableMetric.update({ where: { code: setup.metricCode }, data: { ownerServiceId: other.service.id } });

    const response = await api.post("/events/batch", { events: [event(setup.subscriptionId, setup.metricCode, "taken-1"), event(setup.subscriptionId, setup.metricCode, "taken-2")] });
    expect(response.status).toBe(422);
    expect(response.body.error_details).toEqual({ "0": { code: ["billable_metric_not_found"] }, "1": { code: ["billable_metric_not_found"] } });
    expect(await count()).toBe(1);
  });

  it("forwards to Lago the next event and batch once the service went back to shadow elsewhere", async () => {
    const { api, service, setup, db, count } = await cachedSetup();
    await db.service.update({ where: { id: service.id }, data: { billingMode: "shadow" } });

    expect((await api.post("/events", { event: event(setup.subscriptionId, setup.metricCode, "shadow-1") })).status).toBe(200);
    expect((await api.post("/events/batch", { events: [event(setup.subscriptionId, setup.metricCode, "shadow-2")] })).status).toBe(200);
    expect(await count()).toBe(3);
    const forwards = await db.lagoForward.findMany({ where: { serviceId: service.id, path: { startsWith: "/events" } } });
    const forwarded = forwards.flatMap((forward) => JSON.stringify(forward.body).match(/shadow-\d/g) ?? []);
    expect(forwarded.sort()).toEqual(["shadow-1", "shadow-2"]);
  });
});
