import { describe, expect, it } from "vitest";
import { createBillingSetup, createTestService, testDb } from "../support/fixtures";

const countEvents = async (serviceId: string) => (await testDb()).usageEvent.count({ where: { serviceId } });

describe("POST /api/v1/events", () => {
  it("stores an event and answers Lago's event object", async () => {
    const { api, service } = await createTestService();
    const setup = await createBillingSetup(api);
    const response = await api.post("/events", {
      event: { transaction_id: "tx-1", external_subscription_id: setup.subscriptionId, code: setup.metricCode, timestamp: 1_767_225_600.25, properties: { units: 3 } },
    });
    expect(response.status).toBe(200);
    expect(response.body.event).toMatchObject({
      transaction_id: "tx-1",
      external_subscription_id: setup.subscriptionId,
      code: setup.metricCode,
      timestamp: "2026-01-01T00:00:00.250Z",
      properties: { units: 3 },
    });
    expect(response.body.event.lago_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countEvents(service.id)).toBe(1);
  });

  it("answers a retried transaction_id with the stored event and never counts it twice", async () => {
    const { api, service } = await createTestService();
    const setup = await createBillingSetup(api);
    const event = { transaction_id: "tx-retry", external_subscription_id: setup.subscriptionId, code: setup.metricCode, properties: { units: 5 } };
    const first = await api.post("/events", { event });
    const again = await api.post("/events", { event: { ...event, properties: { units: 5 } } });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.event.lago_id).toBe(first.body.event.lago_id);
    expect(await countEvents(service.id)).toBe(1);
  });

  it("refuses the same transaction_id with different content (value_already_exist)", async () => {
    const { api, service } = await createTestService();
    const setup = await createBillingSetup(api);
    const event = { transaction_id: "tx-conflict", external_subscription_id: setup.subscriptionId, code: setup.metricCode, properties: { units: 5 } };
    await api.post("/events", { event });
    const conflict = await api.post("/events", { event: { ...event, properties: { units: 6 } } });
    expect(conflict.status).toBe(422);
    expect(conflict.body).toEqual({ status: 422, error: "Unprocessable Entity", code: "validation_errors", error_details: { transaction_id: ["value_already_exist"] } });
    expect(await countEvents(service.id)).toBe(1);
  });

  it("counts concurrent retries of one transaction_id once", async () => {
    const { api, service } = await createTestService();
    const setup = await createBillingSetup(api);
    const event = { transaction_id: "tx-race", external_subscription_id: setup.subscriptionId, code: setup.metricCode, timestamp: 1_767_225_600, properties: { units: 1 } };
    const responses = await Promise.all(Array.from({ length: 25 }, () => api.post("/events", { event })));
    expect(responses.map((r) => r.status)).toEqual(Array(25).fill(200));
    expect(new Set(responses.map((r) => r.body.event.lago_id)).size).toBe(1);
    expect(await countEvents(service.id)).toBe(1);
  });

  it.each([
    ["an unknown subscription", { external_subscription_id: "nope" }, 404, { status: 404, error: "Not Found", code: "subscription_not_found" }],
    ["an unknown metric code", { code: "nope" }, 404, { status: 404, error: "Not Found", code: "billable_metric_not_found" }],
    ["a bad timestamp", { timestamp: "yesterday" }, 422, { error_details: { timestamp: ["invalid_format"] } }],
    ["a non-numeric value for a sum metric", { properties: { units: "many" } }, 422, { error_details: { properties: ["value_is_not_valid_number"] } }],
    ["a missing transaction_id", { transaction_id: undefined }, 422, { error_details: { transaction_id: ["value_is_mandatory"] } }],
    ["a numeric code", { code: 12 }, 422, { error_details: { code: ["invalid_format"] } }],
  ])("refuses %s and stores nothing", async (_name, override, status, body) => {
    const { api, service } = await createTestService();
    const setup = await createBillingSetup(api);
    const event = { transaction_id: "tx-bad", external_subscription_id: setup.subscriptionId, code: setup.metricCode, properties: { units: 1 }, ...override };
    const response = await api.post("/events", { event });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject(body);
    expect(await countEvents(service.id)).toBe(0);
  });
});

describe("POST /api/v1/events/batch", () => {
  it("stores a whole batch", async () => {
    const { api, service } = await createTestService();
    const setup = await createBillingSetup(api);
    const events = Array.from({ length: 100 }, (_, i) => ({ transaction_id: `b-${i}`, external_subscription_id: setup.subscriptionId, code: setup.metricCode, properties: { units: 1 } }));
    const response = await api.post("/events/batch", { events });
    expect(response.status).toBe(200);
    expect(response.body.events).toHaveLength(100);
    expect(await countEvents(service.id)).toBe(100);
  });

  it("is all or nothing, with errors keyed by index", async () => {
    const { api, service } = await createTestService();
    const setup = await createBillingSetup(api);
    const good = (i: number) => ({ transaction_id: `ok-${i}`, external_subscription_id: setup.subscriptionId, code: setup.metricCode, properties: { units: 1 } });
    const response = await api.post("/events/batch", {
      events: [good(0), { ...good(1), timestamp: "bad" }, good(2), { ...good(3), external_subscription_id: "ghost" }],
    });
    expect(response.status).toBe(422);
    expect(response.body.error_details).toEqual({
      "1": { timestamp: ["invalid_format"] },
      "3": { external_subscription_id: ["subscription_not_found"] },
    });
    expect(await countEvents(service.id)).toBe(0);
  });

  it("rolls back a batch whose event conflicts with a stored one", async () => {
    const { api, service } = await createTestService();
    const setup = await createBillingSetup(api);
    const base = { external_subscription_id: setup.subscriptionId, code: setup.metricCode };
    await api.post("/events", { event: { ...base, transaction_id: "stored", properties: { units: 1 } } });
    const response = await api.post("/events/batch", {
      events: [{ ...base, transaction_id: "new-1", properties: { units: 1 } }, { ...base, transaction_id: "stored", properties: { units: 9 } }],
    });
    expect(response.status).toBe(422);
    expect(response.body.error_details).toEqual({ "1": { transaction_id: ["value_already_exist"] } });
    expect(await countEvents(service.id)).toBe(1);
  });

  it("accepts a retried batch, counting each event once", async () => {
    const { api, service } = await createTestService();
    const setup = await createBillingSetup(api);
    const events = Array.from({ length: 10 }, (_, i) => ({ transaction_id: `r-${i}`, external_subscription_id: setup.subscriptionId, code: setup.metricCode, timestamp: 1_767_225_600 + i, properties: { units: 2 } }));
    expect((await api.post("/events/batch", { events: events.slice(0, 5) })).status).toBe(200);
    const retry = await api.post("/events/batch", { events });
    expect(retry.status).toBe(200);
    expect(await countEvents(service.id)).toBe(10);
  });

  it.each([
    ["too many events", (sub: string, code: string) => ({ events: Array.from({ length: 101 }, (_, i) => ({ transaction_id: `x${i}`, external_subscription_id: sub, code })) }), { events: ["too_many_events"] }],
    ["an empty batch", () => ({ events: [] }), { events: ["no_events"] }],
    ["no events key", () => ({}), { events: ["no_events"] }],
    ["events that are not a list", () => ({ events: "x" }), { events: ["invalid_format"] }],
  ])("refuses %s", async (_name, makeBody, details) => {
    const { api, service } = await createTestService();
    const setup = await createBillingSetup(api);
    const response = await api.post("/events/batch", makeBody(setup.subscriptionId, setup.metricCode));
    expect(response.status).toBe(422);
    expect(response.body.error_details).toEqual(details);
    expect(await countEvents(service.id)).toBe(0);
  });
});

describe("GET /api/v1/events", () => {
  it("finds an event by transaction_id, only for the service that sent it", async () => {
    const { api } = await createTestService();
    const other = await createTestService();
    const setup = await createBillingSetup(api);
    await api.post("/events", { event: { transaction_id: "mine", external_subscription_id: setup.subscriptionId, code: setup.metricCode, properties: { units: 1 } } });
    const found = await api.get("/events/mine");
    expect(found.status).toBe(200);
    expect(found.body.event.transaction_id).toBe("mine");
    const hidden = await other.api.get("/events/mine");
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ status: 404, error: "Not Found", code: "event_not_found" });
    const list = await api.get(`/events?external_subscription_id=${setup.subscriptionId}`);
    expect(list.body.events.map((e: { transaction_id: string }) => e.transaction_id)).toEqual(["mine"]);
    expect((await other.api.get("/events")).body.meta.total_count).toBe(0);
  });
});
