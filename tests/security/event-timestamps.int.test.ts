import { describe, expect, it } from "vitest";
import { createBillingSetup, createTestService, testDb, uniqueCode } from "../support/fixtures";

/*
 * Issue 15, partition explosion: any key could send timestamps from 1970 to 9999, and each
 * new month created a usage_events partition (up to 100 per batch). Accepted timestamps are
 * now bounded (a day before the subscription starts, at most USAGE_EVENTS_MAX_AGE_DAYS
 * back, at most a day ahead), which bounds the partitions ingestion can create.
 */
const DAY = 86_400;
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function partitionCount(): Promise<number> {
  const [row] = await (await testDb()).$queryRaw<Array<{ count: bigint }>>`
    SELECT count(*) AS count FROM pg_inherits WHERE inhparent = 'usage_events'::regclass`;
  return Number(row!.count);
}

describe("event timestamps", () => {
  it("refuses a batch spreading events from 1970 to 9999, creating no partition", async () => {
    const { api } = await createTestService("part");
    const setup = await createBillingSetup(api);
    const before = await partitionCount();
    const span = (253_402_300_000 - 0) / 99;
    const events = Array.from({ length: 100 }, (_, i) => ({
      transaction_id: uniqueCode("tx"), external_subscription_id: setup.subscriptionId, code: setup.metricCode, timestamp: Math.floor(i * span), properties: { units: 1 },
    }));
    const response = await api.post("/events/batch", { events });
    expect(response.status).toBe(422);
    expect(response.body.error_details["0"]).toEqual({ timestamp: ["value_is_out_of_range"] });
    expect(response.body.error_details["99"]).toEqual({ timestamp: ["value_is_out_of_range"] });
    expect(await partitionCount()).toBe(before);
  });

  it.each([
    ["1970", 0],
    ["year 9999", 253_402_300_000],
    ["two days ahead", nowSeconds() + 2 * DAY],
    ["more than USAGE_EVENTS_MAX_AGE_DAYS (1100) back", nowSeconds() - 1101 * DAY],
  ])("answers Lago's 422 on timestamp for an event from %s", async (_name, timestamp) => {
    const { api } = await createTestService("part");
    const setup = await createBillingSetup(api);
    const response = await api.post("/events", { event: { transaction_id: uniqueCode("tx"), external_subscription_id: setup.subscriptionId, code: setup.metricCode, timestamp, properties: { units: 1 } } });
    expect(response).toMatchObject({ status: 422, body: { status: 422, code: "validation_errors", error_details: { timestamp: ["value_is_out_of_range"] } } });
  });

  it("refuses events from before the subscription started, even for a subscription dated 1970", async () => {
    const { api } = await createTestService("part");
    const recent = await createBillingSetup(api, { subscriptionAt: new Date(Date.now() - 10 * DAY * 1000).toISOString() });
    const early = await api.post("/events", { event: { transaction_id: uniqueCode("tx"), external_subscription_id: recent.subscriptionId, code: recent.metricCode, timestamp: nowSeconds() - 12 * DAY, properties: { units: 1 } } });
    expect(early.body.error_details).toEqual({ timestamp: ["value_is_out_of_range"] });
    const ancient = await createBillingSetup(api, { subscriptionAt: "1970-01-01T00:00:00Z" });
    const old = await api.post("/events", { event: { transaction_id: uniqueCode("tx"), external_subscription_id: ancient.subscriptionId, code: ancient.metricCode, timestamp: 86_400 * 365, properties: { units: 1 } } });
    expect(old.body.error_details).toEqual({ timestamp: ["value_is_out_of_range"] });
  });

  it("still accepts what apps send: now, a late event, clock skew of a few hours ahead", async () => {
    const { api } = await createTestService("part");
    const setup = await createBillingSetup(api);
    for (const timestamp of [nowSeconds(), nowSeconds() - 40 * DAY, nowSeconds() + 6 * 3600, undefined]) {
      const response = await api.post("/events", { event: { transaction_id: uniqueCode("tx"), external_subscription_id: setup.subscriptionId, code: setup.metricCode, timestamp, properties: { units: 1 } } });
      expect(response.status).toBe(200);
    }
  });

  it("does not let a key send events for another service's metric", async () => {
    const owner = await createTestService("own");
    const metricCode = uniqueCode("theirs");
    expect((await owner.api.post("/billable_metrics", { billable_metric: { name: "m", code: metricCode, aggregation_type: "count_agg" } })).status).toBe(200);
    const { api } = await createTestService("other");
    const setup = await createBillingSetup(api);
    const response = await api.post("/events", { event: { transaction_id: uniqueCode("tx"), external_subscription_id: setup.subscriptionId, code: metricCode } });
    expect(response).toMatchObject({ status: 404, body: { code: "billable_metric_not_found" } });
  });
});
