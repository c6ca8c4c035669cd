import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/server/db/client";
import { env } from "~/server/env";
import { drainJobs } from "~/server/jobs/drain-jobs";
import { openLagoImport } from "~/server/lago-import/open-lago-import";
import { runLagoImport } from "~/server/lago-import/run-lago-import";
import { runLagoImportJob } from "~/server/lago-import/run-lago-import-job";
import { sealingKeyFrom, sealSecret } from "~/server/lib/sealed-secret";
import { syncShadowServices } from "~/server/migration/sync-shadow-services";
import { runSchedule } from "~/server/schedules/run-schedule";
import { createService } from "~/server/services/create-service";
import { createTestDatabase } from "../support/app-server";
import {
  lagoCharge, lagoCustomer, lagoEvent, lagoFee, lagoInvoice, lagoMetric, lagoPlan, lagoSubscription, type LagoPeer, startLagoPeer,
} from "../support/lago-peer";

/*
 * A shadow service kept in step with its Lago by the migration-sync schedule, on a private
 * database (its runs act on every shadow service): after the first import, each run queues
 * a delta import with the stored key and the reconciliation of every settled month, and
 * nothing twice.
 */
const sealingKey = sealingKeyFrom(env().NEXTAUTH_SECRET);
let database: { url: string; drop: () => Promise<void> };
let db: Db;
let closeDb: () => Promise<void>;
let peer: LagoPeer;

beforeAll(async () => {
  database = await createTestDatabase("nexa_sync");
  ({ db, close: closeDb } = await createDb(database.url, { poolSize: 4 }));
  peer = await startLagoPeer();
}, 60_000);
afterAll(async () => {
  await peer?.close();
  await closeDb?.();
  await database?.drop();
});

const now = new Date("2026-03-10T12:00:00Z");
const drainImports = () => drainJobs({ db, owner: "sync-test", now: new Date(), handlers: { lago_import: (context) => runLagoImportJob({ ...context, sealingKey }) } });
const ours = (code: string, result: { waiting: Array<{ service: string; why: string }> }) => result.waiting.filter((entry) => entry.service === code).map((entry) => entry.why);

describe("migration-sync: shadow services kept in step with Lago", () => {
  const metric = lagoMetric("api_calls");
  const plan = lagoPlan("cloud", [lagoCharge(metric)]);
  const first = lagoCustomer("c-first", 1);
  const firstSubscription = lagoSubscription("s-first", "c-first", "cloud", "2026-01-05T00:00:00Z");
  const january = lagoInvoice("NEX-1", "c-first", "2026-02-01", [
    lagoFee({ customerId: "c-first", subscriptionId: "s-first", metricCode: "api_calls", units: "10.0", amountCents: 500, from: "2026-01-05T00:00:00Z", to: "2026-01-31T23:59:59Z" }),
  ]);
  let code: string;

  beforeAll(async () => {
    peer.data.billable_metrics.push(metric);
    peer.data.plans.push(plan);
    peer.data.customers.push(first);
    peer.data.subscriptions.push(firstSubscription);
    peer.data.invoices.push(january);
    code = "nexacloud";
    const { service } = await createService({ db, code, name: "NexaCloud" });
    await db.service.update({ where: { id: service.id }, data: { billingMode: "shadow", lagoApiUrl: peer.url, lagoApiKeySealed: sealSecret(peer.apiKey, sealingKey), gateToleranceCents: 2 } });
  });

  it("waits for the first, full import a person starts", async () => {
    const result = await syncShadowServices({ db, sealingKey, now });
    expect(result).toMatchObject({ importsQueued: [], reconciliationsQueued: [], errors: [] });
    expect(ours(code, result)).toEqual([expect.stringContaining("no import has succeeded yet")]);
    expect(await db.job.count()).toBe(0);
  });

  it("queues a delta import with the stored key and a reconciliation of each settled month, then nothing twice", async () => {
    const { run } = await openLagoImport({ db, serviceCode: code, baseUrl: peer.url });
    expect(await runLagoImport({ db, run, apiKey: peer.apiKey })).toMatchObject({ status: "succeeded", scope: "full" });

    // Lago moves on: a customer, a subscription, February's invoices, a plan and an event.
    peer.data.customers.push(lagoCustomer("c-second", 2));
    peer.data.subscriptions.push(lagoSubscription("s-second", "c-second", "cloud", "2026-02-10T00:00:00Z"));
    const february = lagoInvoice("NEX-2", "c-second", "2026-03-01", [
      lagoFee({ customerId: "c-second", subscriptionId: "s-second", metricCode: "api_calls", units: "4.0", amountCents: 200, from: "2026-02-10T00:00:00Z", to: "2026-02-28T23:59:59Z" }),
    ]);
    peer.data.invoices.push(february);
    peer.data.plans.push(lagoPlan("cloud_plus", [lagoCharge(metric)]));
    peer.data.events.push(lagoEvent("tx-lago-only", "s-second", "api_calls", "2026-03-02T00:00:00Z", {}));
    const requestsBefore = peer.requests.length;

    const synced = await syncShadowServices({ db, sealingKey, now });
    expect(synced).toMatchObject({ importsQueued: [code], reconciliationsQueued: [`${code}:2026-01-01`, `${code}:2026-02-01`], errors: [] });
    const runs = await db.reconciliationRun.findMany({ orderBy: { periodStart: "asc" }, select: { periodStart: true, periodEnd: true, toleranceCents: true, serviceId: true } });
    expect(runs.map((r) => [r.periodStart.toISOString(), r.periodEnd.toISOString(), r.toleranceCents])).toEqual([
      ["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", 2],
      ["2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", 2],
    ]);
    const jobs = await db.job.groupBy({ by: ["kind"], _count: true });
    expect(Object.fromEntries(jobs.map((group) => [group.kind, group._count]))).toEqual({ lago_import: 1, reconciliation: 2 });

    const again = await syncShadowServices({ db, sealingKey, now });
    expect(again).toMatchObject({ importsQueued: [], reconciliationsQueued: [] });
    expect(ours(code, again)).toEqual(["an import is queued"]);

    const drained = await drainImports();
    expect(drained.map((job) => job.outcome)).toEqual(["succeeded"]);
    const delta = await db.lagoImportRun.findFirstOrThrow({ where: { scope: "delta" } });
    expect(delta).toMatchObject({ status: "succeeded", baseUrl: `${peer.url}/api/v1` });
    expect(await db.accountLink.findMany({ orderBy: { externalId: "asc" }, select: { externalId: true } })).toEqual([{ externalId: "c-first" }, { externalId: "c-second" }]);
    expect(await db.subscription.count({ where: { externalId: "s-second", status: "active" } })).toBe(1);
    expect((await db.lagoInvoice.findMany({ orderBy: { number: "asc" } })).map((invoice) => invoice.number)).toEqual(["NEX-1", "NEX-2"]);
    // No catalog, no events; January's invoice, stored final already, is not read again; credit notes come with their items in the list.
    const deltaRequests = peer.requests.slice(requestsBefore).map((path) => path.replace(/\?.*/, ""));
    expect(deltaRequests).toEqual(["/api/v1/customers", "/api/v1/subscriptions", "/api/v1/invoices", `/api/v1/invoices/${february.lago_id}`, "/api/v1/credit_notes"]);
    expect(await db.plan.findUnique({ where: { code: "cloud_plus" } })).toBeNull();
    expect(await db.usageEvent.count({ where: { transactionId: "tx-lago-only" } })).toBe(0);
    // The job erased its copy of the key.
    expect(await db.job.findFirstOrThrow({ where: { kind: "lago_import" } })).toMatchObject({ state: "succeeded", secret: null });
  });

  it("reconciles a month a day after it ends, once an import has read Lago since", async () => {
    const april = new Date("2026-04-01T18:00:00Z");
    expect((await syncShadowServices({ db, sealingKey, now: april })).reconciliationsQueued).toEqual([]);
    await drainImports();
    const settled = await syncShadowServices({ db, sealingKey, now: new Date("2026-04-02T01:00:00Z") });
    expect(settled.reconciliationsQueued).toEqual([`${code}:2026-03-01`]);
  });

  it("leaves a service with a cutover scheduled alone, and records each run on the Jobs screen", async () => {
    await db.service.update({ where: { code }, data: { cutoverAt: new Date("2026-05-01T00:00:00Z") } });
    const jobsBefore = await db.job.count();
    const result = await runSchedule({ db, settings: env(), odoo: () => { throw new Error("not needed"); }, name: "migration-sync", trigger: "cli" });
    expect(ours(code, result)).toEqual(["cutover scheduled at 2026-05-01T00:00:00.000Z"]);
    expect(await db.job.count()).toBe(jobsBefore);
    expect(await db.scheduleRun.findFirst({ where: { schedule: "migration-sync" }, orderBy: { startedAt: "desc" } })).toMatchObject({
      trigger: "cli", outcome: "succeeded", summary: expect.objectContaining({ importsQueued: 0, waitingServices: expect.stringContaining("cutover scheduled") }),
    });
  });

  it("reports a key it cannot open as the service's error, not a failed run", async () => {
    await drainImports();
    await db.service.update({ where: { code }, data: { cutoverAt: null, lagoApiKeySealed: sealSecret(peer.apiKey, sealingKeyFrom("another secret entirely, 32+ characters")) } });
    const result = await syncShadowServices({ db, sealingKey, now: new Date("2026-04-03T00:00:00Z") });
    expect(result.errors).toEqual([{ subject: code, message: expect.stringContaining("could not be read back") }]);
  });
});
