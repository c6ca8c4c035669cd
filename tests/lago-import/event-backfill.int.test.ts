import { describe, expect, it } from "vitest";
import { backfillFrom } from "~/server/lago-import/backfill-from";
import { runLagoImport } from "~/server/lago-import/run-lago-import";
import { createTestService, testDb, uniqueCode } from "../support/fixtures";
import { lagoCharge, lagoCustomer, lagoEvent, lagoMetric, lagoPlan, lagoSubscription, startLagoPeer } from "../support/lago-peer";

/* An import copies Lago's events of the open periods, so a shadow service's first period is metered whole; run in-process, resumed after Lago failed mid-way. */
describe("Lago import: event backfill", () => {
  it("imports the open periods' events once each, resuming from the checkpoint, and forwards none back", async () => {
    const { service } = await createTestService("backfill");
    const db = await testDb();
    const peer = await startLagoPeer();
    try {
      const now = new Date();
      const metric = lagoMetric(uniqueCode("m"));
      const plan = lagoPlan(uniqueCode("p"), [lagoCharge(metric)]);
      const customer = lagoCustomer(uniqueCode("c"), 1);
      const subscription = lagoSubscription(uniqueCode("s"), String(customer.external_id), String(plan.code), "2020-01-01T00:00:00Z");
      peer.data.billable_metrics.push(metric);
      peer.data.plans.push(plan);
      peer.data.customers.push(customer);
      peer.data.subscriptions.push(subscription);
      const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
      const open = [1, 2, 3].map((n) => lagoEvent(uniqueCode("tx"), String(subscription.external_id), String(metric.code), at(n * 60_000), { units: n }));
      const billedAlready = lagoEvent(uniqueCode("tx"), String(subscription.external_id), String(metric.code), new Date(backfillFrom(now).getTime() - 1000).toISOString(), { units: 100 });
      peer.data.events.push(billedAlready, ...open);
      // The hub is shadow already: what it imports from Lago must not go back to Lago.
      await db.service.update({ where: { id: service.id }, data: { billingMode: "shadow" } });

      // Lago fails on the second page of events: the run fails, the next resumes from page 2.
      peer.fail({ path: "/events", page: 2, status: 500, times: 1 });
      const run = await db.lagoImportRun.create({ data: { serviceId: service.id, baseUrl: peer.url } });
      expect(await runLagoImport({ db, run, apiKey: peer.apiKey, perPage: 2 })).toMatchObject({ status: "failed" });
      const resumed = await runLagoImport({ db, run: await db.lagoImportRun.findUniqueOrThrow({ where: { id: run.id } }), apiKey: peer.apiKey, perPage: 2 });
      expect(resumed).toMatchObject({ status: "succeeded", report: [] });
      expect(peer.requests.filter((path) => path.startsWith("/api/v1/events")).every((path) => path.includes("timestamp_from="))).toBe(true);

      const stored = await db.usageEvent.findMany({ where: { serviceId: service.id }, orderBy: { timestamp: "asc" } });
      expect(stored.map((event) => event.transactionId)).toEqual(open.map((event) => event.transaction_id).reverse());
      expect(stored.map((event) => event.properties)).toEqual([{ units: 3 }, { units: 2 }, { units: 1 }]);
      expect(await db.lagoForward.count({ where: { serviceId: service.id } })).toBe(0);
    } finally {
      await peer.close();
    }
  });
});
