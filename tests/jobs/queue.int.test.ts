import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OdooSimulator, startOdooSimulator } from "~/odoo-sim";
import { createDb, type Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { claimJobs } from "~/server/jobs/claim-jobs";
import { drainJobs, type JobHandler } from "~/server/jobs/drain-jobs";
import { enqueueJob } from "~/server/jobs/enqueue-job";
import { RUN_MAX_ATTEMPTS } from "~/server/jobs/job-policy";
import { failJob, finishJob } from "~/server/jobs/settle-job";
import { startLagoImport } from "~/server/lago-import/start-lago-import";
import { sealingKeyFrom, sealSecret } from "~/server/lib/sealed-secret";
import { createOdooClient } from "~/server/odoo";
import { startReconciliation } from "~/server/reconciliation/start-reconciliation";
import { createPlan } from "~/server/catalog/create-plan";
import { createService } from "~/server/services/create-service";
import { createSubscription } from "~/server/subscriptions/create-subscription";
import { drainQueuedRuns } from "~/server/worker/drain-queued-runs";
import { createTestDatabase } from "../support/app-server";
import { lagoCustomer, type LagoPeer, startLagoPeer } from "../support/lago-peer";

/* The job table as a queue of every kind, on PostgreSQL: runs queued from the console, drained by the worker pass. */
const ODOO_KEY = "queue-odoo-key";
const sealingKey = sealingKeyFrom("queue-test-server-secret-0123456789abcdef");

let database: { url: string; drop: () => Promise<void> };
let db: Db;
let closeDb: () => Promise<void>;
let simulator: OdooSimulator;
let peer: LagoPeer;
const odoo = () => createOdooClient({ baseUrl: simulator.url, apiKey: ODOO_KEY, protocol: "json2" });
const drain = (now?: Date) => drainQueuedRuns({ db, odoo, sealingKey, now });

beforeAll(async () => {
  database = await createTestDatabase("nexa_queue");
  ({ db, close: closeDb } = await createDb(database.url, { poolSize: 4 }));
  await createService({ db, code: "cloud", name: "NexaCloud" });
  simulator = await startOdooSimulator({ apiKey: ODOO_KEY, today: "2025-01-01" });
  peer = await startLagoPeer();
  peer.data.customers.push(lagoCustomer("c-1", 1));
});

afterAll(async () => {
  await peer?.close();
  await simulator?.close();
  await closeDb?.();
  await database?.drop();
});

const window = { from: new Date("2025-01-01T00:00:00Z"), to: new Date("2025-02-01T00:00:00Z"), toleranceCents: 0 };

describe("runs queued from the console", () => {
  it("queues a reconciliation run, which the next worker pass executes", async () => {
    const run = await startReconciliation({ db, ...window });
    expect(run).toMatchObject({ status: "running", progress: "queued" });
    const { jobs } = await drain();
    expect(jobs).toEqual([expect.objectContaining({ outcome: "succeeded", runStatus: "succeeded" })]);
    expect(await db.reconciliationRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "succeeded", progress: null });
    expect((await drain()).jobs).toEqual([]); // done once
  });

  it("closes a run its worker died in as failed, instead of running it twice", async () => {
    const run = await startReconciliation({ db, ...window });
    const [claimed] = await claimJobs({ db, kind: "reconciliation", owner: "crashed", limit: 1, leaseMs: 1_000 });
    await db.reconciliationRun.update({ where: { id: run.id }, data: { progress: "reading Odoo invoices" } });
    expect((await drain()).jobs).toEqual([]); // the lease still holds
    const { jobs } = await drain(new Date(Date.now() + 2_000));
    expect(jobs).toEqual([expect.objectContaining({ jobId: claimed!.id, outcome: "succeeded", runStatus: "failed" })]);
    expect((await db.reconciliationRun.findUniqueOrThrow({ where: { id: run.id } })).error).toMatch(/^interrupted/);
  });

  it("fails the run, not the job, when Odoo is not configured", async () => {
    const run = await startReconciliation({ db, ...window });
    const unconfigured = () => {
      throw new AppError("unavailable", "Odoo is not configured: set ODOO_URL and ODOO_API_KEY");
    };
    const { jobs } = await drainQueuedRuns({ db, odoo: unconfigured, sealingKey });
    expect(jobs).toEqual([expect.objectContaining({ outcome: "succeeded", runStatus: "failed" })]);
    expect(await db.reconciliationRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "failed", error: expect.stringContaining("not configured") });
  });

  it("queues a Lago import with its key sealed, runs it and erases the key", async () => {
    const { run } = await startLagoImport({ db, serviceCode: "cloud", baseUrl: peer.url, apiKey: peer.apiKey, sealingKey });
    expect(run.status).toBe("queued");
    const queued = await db.job.findFirstOrThrow({ where: { kind: "lago_import", payload: { path: ["runId"], equals: run.id } } });
    expect(queued.secret).not.toContain(peer.apiKey);
    // Resuming while it waits hands the same job the new key: one job per run.
    await startLagoImport({ db, serviceCode: "cloud", baseUrl: peer.url, apiKey: peer.apiKey, sealingKey });
    expect(await db.job.count({ where: { kind: "lago_import", payload: { path: ["runId"], equals: run.id } } })).toBe(1);
    const { jobs } = await drain();
    expect(jobs).toEqual([expect.objectContaining({ jobId: queued.id, outcome: "succeeded", runStatus: "succeeded" })]);
    expect(await db.job.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ state: "succeeded", secret: null });
  });

  it("fails an import whose key cannot be read back, saying how to recover", async () => {
    const { run } = await startLagoImport({ db, serviceCode: "cloud", baseUrl: `${peer.url}/other`, apiKey: peer.apiKey, sealingKey });
    const { jobs } = await drainQueuedRuns({ db, odoo, sealingKey: sealingKeyFrom("another-server-secret-0123456789abcdefgh") });
    expect(jobs).toEqual([expect.objectContaining({ outcome: "succeeded", runStatus: "failed" })]);
    expect((await db.lagoImportRun.findUniqueOrThrow({ where: { id: run.id } })).error).toMatch(/start the import again/);
  });
});

describe("the queue itself", () => {
  it("retries a failing job with backoff, then gives up as dead and drops its secret", async () => {
    const job = await enqueueJob({ db, kind: "lago_import", payload: { runId: "00000000-0000-0000-0000-000000000000" }, secret: sealSecret("k", sealingKey) });
    const failing: JobHandler = async ({ job: claimed, owner, now }) => {
      const { state, message } = await failJob({ db, job: claimed, owner, error: new Error("Lago is down"), maxAttempts: RUN_MAX_ATTEMPTS, now, random: 0.5 });
      return { jobId: claimed.id, outcome: state, error: message };
    };
    let now = new Date();
    for (let attempt = 1; attempt <= RUN_MAX_ATTEMPTS; attempt++) {
      const outcomes = await drainJobs({ db, owner: `w${attempt}`, now, handlers: { lago_import: failing } });
      expect(outcomes.map((o) => o.outcome)).toEqual([attempt < RUN_MAX_ATTEMPTS ? "failed" : "dead"]);
      const stored = await db.job.findUniqueOrThrow({ where: { id: job.id } });
      expect(stored).toMatchObject({ attempts: attempt, lastError: "Lago is down", leaseOwner: null });
      if (attempt < RUN_MAX_ATTEMPTS) {
        expect(stored.nextRunAt.getTime()).toBe(now.getTime() + 30_000 * 2 ** (attempt - 1));
        expect((await drainJobs({ db, owner: "early", now, handlers: { lago_import: failing } }))).toEqual([]); // not due yet
        now = stored.nextRunAt;
      } else {
        expect(stored).toMatchObject({ state: "dead", secret: null });
      }
    }
  });

  it("lets only the worker holding the lease settle a job", async () => {
    const job = await enqueueJob({ db, kind: "reconciliation", payload: { runId: "00000000-0000-0000-0000-000000000000" } });
    await claimJobs({ db, kind: "reconciliation", owner: "first", limit: 10, leaseMs: 1_000 });
    await claimJobs({ db, kind: "reconciliation", owner: "second", limit: 10, leaseMs: 60_000, now: new Date(Date.now() + 2_000) });
    expect((await finishJob({ db, job, owner: "first", state: "succeeded" })).count).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "running", leaseOwner: "second" });
    expect((await finishJob({ db, job, owner: "second", state: "succeeded" })).count).toBe(1);
  });

  it("keeps kinds apart: draining runs never touches a usage push", async () => {
    const service = await db.service.findUniqueOrThrow({ where: { code: "cloud" } });
    await createPlan({ db, input: { code: "queue-plan", name: "Plan", interval: "monthly", amountCents: 0n, amountCurrency: "USD" } });
    const { subscription } = await createSubscription({ db, serviceId: service.id, input: { externalCustomerId: "c-1", planCode: "queue-plan", externalId: "queue-sub" } });
    const push = await db.job.create({ data: { subscriptionId: subscription.id, metricCode: "m", periodStart: window.from, periodEnd: window.to } });
    await drain(new Date(Date.now() + 3_600_000));
    expect(await db.job.findUniqueOrThrow({ where: { id: push.id } })).toMatchObject({ kind: "usage_push", state: "pending", attempts: 0 });
    await expect(db.job.create({ data: { kind: "usage_push" } })).rejects.toThrow(); // a push must name its subscription, period and metric
  });
});
