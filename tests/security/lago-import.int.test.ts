import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, inject, it } from "vitest";
import { drainQueuedRuns } from "../support/app-server";
import { signedInAs, trpcCode } from "../support/console-session";
import { createTestService, testDb, uniqueCode } from "../support/fixtures";
import { lagoCharge, lagoMetric, lagoPlan, startLagoPeer } from "../support/lago-peer";

/*
 * Issue 15, high: the Lago import (ops) fetched any URL, stored 300 characters of the
 * answer in an error ops could read, and a fake Lago rewrote a plan's price although ops
 * may not touch the catalog, leaving only an import.start audit row. The suite allows
 * http://127.0.0.1 (its Lago peer) explicitly; everything else inside must be refused.
 */
async function waitForRun(client: Awaited<ReturnType<typeof signedInAs>>["client"], id: string) {
  for (let attempt = 0; attempt < 150; attempt++) {
    const run = (await client.lagoImport.listRuns.query({ pageSize: 100 })).rows.find((row) => row.id === id)!;
    if (run.status !== "queued" && run.status !== "running") return run;
    // The import is queued in the job table: run a worker pass, as the cron would.
    await drainQueuedRuns(inject("baseUrl"));
  }
  throw new Error("import did not finish");
}

describe("Lago import", () => {
  it("may be started only by the roles that own the catalog", async () => {
    const [ops, finance] = await Promise.all([signedInAs("ops"), signedInAs("finance")]);
    const { service } = await createTestService("imp");
    const input = { serviceCode: service.code, baseUrl: "https://lago.example.com", apiKey: "k" };
    expect(await trpcCode(ops.client.lagoImport.start.mutate(input))).toBe("FORBIDDEN");
    expect(await trpcCode(ops.client.lagoImport.listRuns.query({}))).toBe("FORBIDDEN");
    expect(finance.user.role).toBe("finance");
  });

  it.each([
    "http://127.0.0.2:3000/", // loopback, not the allowlisted spelling
    "http://localhost:3000/",
    "http://0x7f000001:3000/",
    "http://2130706433:3000/",
    "http://[::1]:3000/",
    "https://169.254.169.254/latest/meta-data/",
    "https://10.0.0.8/",
    "https://[::ffff:10.0.0.8]/",
    "http://lago.example.com/", // https required
    "file:///etc/passwd",
    "gopher://127.0.0.1:6379/_INFO",
  ])("refuses the base URL %s before any request, and creates no run", async (baseUrl) => {
    const finance = await signedInAs("finance");
    const { service } = await createTestService("imp");
    expect(await trpcCode(finance.client.lagoImport.start.mutate({ serviceCode: service.code, baseUrl, apiKey: "k" }))).toBe("UNPROCESSABLE_CONTENT");
    expect(await (await testDb()).lagoImportRun.count({ where: { serviceId: service.id } })).toBe(0);
  });

  it("keeps what an answering server says out of the run's error", async () => {
    const finance = await signedInAs("finance");
    const { service } = await createTestService("imp");
    const secret = `INTERNAL-${uniqueCode("secret")}`;
    for (const [status, type] of [[500, "application/json"], [200, "text/plain"]] as const) {
      const internal = createServer((_request, response) => response.writeHead(status, { "content-type": type }).end(type === "text/plain" ? `+OK ${secret}` : JSON.stringify({ error: secret })));
      await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
      try {
        const baseUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
        const started = await finance.client.lagoImport.start.mutate({ serviceCode: service.code, baseUrl, apiKey: "k" });
        const run = await waitForRun(finance.client, started.run.id);
        expect(run.status).toBe("failed");
        expect(run.error).toMatch(status === 500 ? /answered 500$/ : /answered 200 with a body that is not JSON/);
        expect(JSON.stringify(run)).not.toContain(secret);
      } finally {
        await new Promise((resolve) => internal.close(resolve));
      }
    }
  });

  it("changes the catalog as the console user, audited per entry, owned by the imported service, never another service's entries", async () => {
    const finance = await signedInAs("finance");
    const { service } = await createTestService("imp");
    const other = await createTestService("other");
    const db = await testDb();
    // Another service's plan with the code the fake Lago also uses.
    const takenCode = uniqueCode("taken");
    const otherMetric = uniqueCode("om");
    expect((await other.api.post("/billable_metrics", { billable_metric: { name: "m", code: otherMetric, aggregation_type: "count_agg" } })).status).toBe(200);
    expect((await other.api.post("/plans", { plan: { name: "Theirs", code: takenCode, interval: "monthly", amount_cents: 100, amount_currency: "CAD", charges: [] } })).status).toBe(200);

    const peer = await startLagoPeer();
    try {
      const metric = lagoMetric(uniqueCode("m"));
      peer.data.billable_metrics.push(metric);
      const planCode = uniqueCode("p");
      peer.data.plans.push(lagoPlan(planCode, [lagoCharge(metric)]), lagoPlan(takenCode, [lagoCharge(metric, { properties: { amount: "500" } })]));
      const started = await finance.client.lagoImport.start.mutate({ serviceCode: service.code, baseUrl: peer.url, apiKey: peer.apiKey });
      const run = await waitForRun(finance.client, started.run.id);
      expect(run.status).toBe("succeeded");
      expect(run.report).toEqual(expect.arrayContaining([expect.objectContaining({ resource: "plans", id: takenCode, feature: "refused", action: "skipped" })]));

      const imported = await db.plan.findUniqueOrThrow({ where: { code: planCode } });
      expect(imported.ownerServiceId).toBe(service.id);
      expect((await db.billableMetric.findUniqueOrThrow({ where: { code: metric.code as string } })).ownerServiceId).toBe(service.id);
      const audit = await db.auditLog.findMany({ where: { entityId: { in: [imported.id] } } });
      expect(audit).toEqual([expect.objectContaining({ action: "plan.create", actorId: finance.user.id, actorServiceId: null })]);
      expect(await db.auditLog.count({ where: { action: "billable_metric.create", actorId: finance.user.id } })).toBeGreaterThan(0);
      // The other service's plan is untouched.
      expect(await db.plan.findUniqueOrThrow({ where: { code: takenCode }, include: { charges: true } })).toMatchObject({ name: "Theirs", ownerServiceId: other.service.id, charges: [] });
    } finally {
      await peer.close();
    }
  });
});
