import { beforeAll, describe, expect, inject, it } from "vitest";
import { drainQueuedRuns } from "../support/app-server";
import { signedInAs, trpcCode } from "../support/console-session";
import { createTestService, testDb, uniqueCode } from "../support/fixtures";
import { lagoCharge, lagoCustomer, lagoMetric, lagoPlan, startLagoPeer } from "../support/lago-peer";

/* The Lago import screen's server side over real HTTP: starting an import, its progress and report, the role check (catalog roles only). */
describe("Lago import console", () => {
  let ops: Awaited<ReturnType<typeof signedInAs>>;
  let finance: Awaited<ReturnType<typeof signedInAs>>;

  beforeAll(async () => {
    [ops, finance] = await Promise.all([signedInAs("ops"), signedInAs("finance")]);
  });

  it("starts a Lago import from the console and shows its progress and report", async () => {
    const { service } = await createTestService("lago");
    const peer = await startLagoPeer();
    try {
      const metric = lagoMetric(uniqueCode("m"), { aggregation: "custom_agg" });
      peer.data.billable_metrics.push(metric);
      peer.data.plans.push(lagoPlan(uniqueCode("p"), [lagoCharge(metric)]));
      peer.data.customers.push(lagoCustomer(uniqueCode("c"), 1), lagoCustomer(uniqueCode("c"), 2));
      const started = await finance.client.lagoImport.start.mutate({ serviceCode: service.code, baseUrl: peer.url, apiKey: peer.apiKey });
      let run = started.run;
      expect(run.status).toBe("queued");
      const job = () => testDb().then((db) => db.job.findFirstOrThrow({ where: { kind: "lago_import", payload: { path: ["runId"], equals: run.id } } }));
      // Queued, the key exists only sealed in the run's job.
      expect((await job()).secret).toMatch(/^v1\./);
      expect(JSON.stringify(await job())).not.toContain(peer.apiKey);
      // The app has no scheduler here: drive its worker through the cron route, as a cron would.
      for (let attempt = 0; attempt < 100 && (run.status === "queued" || run.status === "running"); attempt++) {
        await drainQueuedRuns(inject("baseUrl"));
        run = (await finance.client.lagoImport.listRuns.query({ pageSize: 100 })).rows.find((row) => row.id === started.run.id)!;
      }
      expect(run.status).toBe("succeeded");
      expect(run.progress).toMatchObject({ customers: { imported: 2, totalCount: 2, done: true } });
      expect(run.report).toEqual(expect.arrayContaining([expect.objectContaining({ feature: "aggregation_type", id: metric.code })]));
      expect(JSON.stringify(run)).not.toContain(peer.apiKey);
      expect(await job()).toMatchObject({ state: "succeeded", secret: null });
      // An import rewrites the catalog: ops, who may not touch it, may not start one.
      expect(await trpcCode(ops.client.lagoImport.start.mutate({ serviceCode: service.code, baseUrl: peer.url, apiKey: "x" }))).toBe("FORBIDDEN");
    } finally {
      await peer.close();
    }
  });
});
