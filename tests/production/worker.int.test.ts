import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OdooSimulator, startOdooSimulator } from "~/odoo-sim";
import { createDb, type Db } from "~/server/db/client";
import { startLagoImport } from "~/server/lago-import/start-lago-import";
import { sealingKeyFrom } from "~/server/lib/sealed-secret";
import { createService } from "~/server/services/create-service";
import { upsertCustomer } from "~/server/identity/upsert-customer";
import { createTestDatabase } from "../support/app-server";
import { uniqueCode } from "../support/fixtures";
import { lagoCustomer, lagoInvoice, type LagoPeer, startLagoPeer } from "../support/lago-peer";
import { type RunningWorker, startWorkerProcess } from "../support/worker-process";
import { startReceiver } from "../webhooks/webhook-fixtures";

/**
 * `npm run worker` processes on a private database: schedules fired once per period by
 * two workers, a queued run finished once after its worker is killed with SIGKILL, and
 * the graceful stop (finish in time, or give the work back).
 */
const NEXTAUTH_SECRET = "worker-test-nextauth-secret-0123456789abcdef";
const ODOO_KEY = "worker-test-odoo-key";
const sealingKey = sealingKeyFrom(NEXTAUTH_SECRET);
const INVOICES = 12;

let database: { url: string; drop: () => Promise<void> };
let db: Db;
let closeDb: () => Promise<void>;
let odoo: OdooSimulator;
const workers: RunningWorker[] = [];
const peers: LagoPeer[] = [];

beforeAll(async () => {
  database = await createTestDatabase("nexa_worker");
  ({ db, close: closeDb } = await createDb(database.url, { poolSize: 4 }));
  odoo = await startOdooSimulator({ apiKey: ODOO_KEY });
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill()));
  await Promise.all(peers.map((peer) => peer.close()));
  await odoo?.close();
  await closeDb?.();
  await database?.drop();
});

function worker(env: Record<string, string>): RunningWorker {
  const started = startWorkerProcess({ DATABASE_URL: database.url, NEXTAUTH_SECRET, ODOO_URL: odoo.url, ODOO_API_KEY: ODOO_KEY, ...env });
  workers.push(started);
  return started;
}

/** A Lago with customers and one-by-one invoices to read, slow enough to stay in flight; and its import, queued. */
async function queuedImport(delayMs: number) {
  const peer = await startLagoPeer();
  peers.push(peer);
  const customers = Array.from({ length: 3 }, (_, i) => lagoCustomer(uniqueCode("c"), i + 1));
  peer.data.customers.push(...customers);
  for (let i = 0; i < INVOICES; i++) peer.data.invoices.push(lagoInvoice(uniqueCode("INV"), customers[i % 3]!.external_id as string, "2025-01-01", []));
  peer.delayMs = delayMs;
  const code = uniqueCode("svc");
  const { service } = await createService({ db, code, name: code });
  const { run } = await startLagoImport({ db, serviceCode: code, baseUrl: peer.url, apiKey: peer.apiKey, sealingKey });
  const job = await db.job.findFirstOrThrow({ where: { kind: "lago_import", payload: { path: ["runId"], equals: run.id } } });
  return { peer, run, job, serviceId: service.id };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const invoiceReads = (peer: LagoPeer) => peer.requests.filter((path) => /^\/api\/v1\/invoices\/[0-9a-f-]{36}$/.test(path)).length;

describe("two workers", () => {
  it("fire every schedule once per period between them, and one carries on when the other stops", async () => {
    const env = { WORKER_SCHEDULE_SECONDS: "webhooks=1,odoo-poll=2,usage-push=3", WORKER_LEASE_MS: "3000" };
    const pair = [worker(env), worker(env)];
    await Promise.all(pair.map((w) => w.waitForLog(/"msg":"worker started"/)));
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    // Which of the two wins a period is a race; stop the one winning most, so the other
    // must take over whatever it won before.
    const finished = (w: RunningWorker) => w.logs().split("\n").filter((line) => line.includes('"msg":"schedule run finished"')).length;
    const [leader, survivor] = finished(pair[0]!) >= finished(pair[1]!) ? [pair[0]!, pair[1]!] : [pair[1]!, pair[0]!];
    expect(await leader.stop()).toBe(0);
    const survivorBefore = finished(survivor);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await survivor.stop()).toBe(0);
    const elapsed = Date.now() - started;

    const runs = await db.scheduleRun.findMany({ where: { trigger: "worker" } });
    for (const [schedule, cadenceMs] of [["webhooks", 1_000], ["odoo-poll", 2_000], ["usage-push", 3_000]] as const) {
      const mine = runs.filter((run) => run.schedule === schedule);
      expect(mine.every((run) => run.outcome === "succeeded"), JSON.stringify(mine)).toBe(true);
      const periods = mine.map((run) => (run.summary as { period: string }).period);
      // Never twice in one period; and run in most periods (on two loaded cores a run can
      // outlast a 1 s period, and the next then starts when it ends).
      expect(new Set(periods).size, `${schedule}: ${periods.join(" ")}`).toBe(periods.length);
      expect(periods.length).toBeGreaterThanOrEqual(Math.floor(elapsed / cadenceMs / 2));
      for (const period of periods) expect(new Date(period).getTime() % cadenceMs).toBe(0);
    }
    expect(finished(survivor) - survivorBefore, "runs the survivor fired alone").toBeGreaterThanOrEqual(2);
  });
});

describe("a worker killed with SIGKILL mid-job", () => {
  it("leaves a short lease that expires; another worker then completes the job, once", async () => {
    const { peer, run, job, serviceId } = await queuedImport(150);
    const first = worker({ WORKER_SCHEDULE_SECONDS: "webhooks=0,odoo-poll=0,usage-push=0", WORKER_LEASE_MS: "2000" });
    await until(async () => invoiceReads(peer), (reads) => reads >= 3);
    await first.kill();
    const killedAt = Date.now();
    const held = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    // Still the dead worker's, and only for about one lease: it renewed, and stopped renewing.
    expect(held).toMatchObject({ state: "running", leaseOwner: expect.stringMatching(/^worker-.*\/jobs\/runs$/) });
    expect(held.leaseExpiresAt!.getTime()).toBeGreaterThan(killedAt - 1_000);
    expect(held.leaseExpiresAt!.getTime()).toBeLessThanOrEqual(killedAt + 2_000);

    const second = worker({ WORKER_SCHEDULE_SECONDS: "webhooks=0,odoo-poll=0,usage-push=0", WORKER_LEASE_MS: "2000" });
    const done = await until(() => db.job.findUniqueOrThrow({ where: { id: job.id } }), (row) => row.state === "succeeded");
    expect(done).toMatchObject({ attempts: 0, leaseOwner: null, secret: null });
    expect(await db.lagoImportRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "succeeded" });
    // Every invoice stored once, though the first worker had read some before it died.
    expect(await db.lagoInvoice.count({ where: { serviceId } })).toBe(INVOICES);
    expect(await db.lagoImportRun.count({ where: { baseUrl: { startsWith: peer.url } } })).toBe(1);
    expect(second.logs().match(/"msg":"queued run processed"/g)).toHaveLength(1);
    expect(await second.stop()).toBe(0);
  });
});

describe("SIGTERM", () => {
  it("takes no new job, finishes the one in flight, and exits 0", async () => {
    const inFlight = await queuedImport(100);
    const w = worker({ WORKER_SCHEDULE_SECONDS: "webhooks=0,odoo-poll=0,usage-push=0", SHUTDOWN_TIMEOUT_MS: "20000" });
    await until(async () => invoiceReads(inFlight.peer), (reads) => reads >= 2);
    const waiting = await queuedImport(0);
    const exit = w.stop();
    expect(await exit).toBe(0);
    expect(w.logs()).toContain('"msg":"stopping: taking no new work, finishing what is in flight"');
    expect(await db.job.findUniqueOrThrow({ where: { id: inFlight.job.id } })).toMatchObject({ state: "succeeded", leaseOwner: null });
    expect(await db.lagoInvoice.count({ where: { serviceId: inFlight.serviceId } })).toBe(INVOICES);
    expect(await db.job.findUniqueOrThrow({ where: { id: waiting.job.id } })).toMatchObject({ state: "pending", attempts: 0, leaseOwner: null });
    expect(waiting.peer.requests).toEqual([]);
  });

  it("gives back what does not finish within SHUTDOWN_TIMEOUT_MS: job and schedule leases released, the run recorded as interrupted", async () => {
    // A webhook receiver that hangs keeps the drain in flight; a slow Lago keeps the import in flight.
    const receiver = await startReceiver("unused");
    receiver.control.onRequest = () => undefined;
    const { service } = await createService({ db, code: uniqueCode("hook"), name: "Hooks", webhookUrl: receiver.url });
    await upsertCustomer({ db, serviceId: service.id, externalId: uniqueCode("cust"), fields: { name: "Hung" }, announce: true });
    const slow = await queuedImport(2_000);
    // A day-long period: the re-run below falls in the interrupted run's period whatever the wall clock says.
    const env = { WORKER_SCHEDULE_SECONDS: "webhooks=86400,odoo-poll=0,usage-push=0", SHUTDOWN_TIMEOUT_MS: "1500", WORKER_LEASE_MS: "60000" };
    const w = worker(env);
    await until(async () => receiver.received.length, (count) => count >= 1);
    await until(async () => slow.peer.requests.length, (count) => count >= 1);
    const stopAsked = Date.now();
    expect(await w.stop()).toBe(0);
    expect(Date.now() - stopAsked).toBeLessThan(6_000);
    expect(w.logs()).toContain('"msg":"in-flight work did not finish in time: given back"');

    const job = await db.job.findUniqueOrThrow({ where: { id: slow.job.id } });
    expect(job).toMatchObject({ state: "running", leaseOwner: null });
    expect(job.leaseExpiresAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await db.cronLease.findUnique({ where: { name: "schedule:webhooks" } })).toBeNull();
    const interrupted = await db.scheduleRun.findFirstOrThrow({ where: { schedule: "webhooks", trigger: "worker" }, orderBy: { startedAt: "desc" } });
    expect(interrupted).toMatchObject({ outcome: "failed", error: expect.stringMatching(/^interrupted/) });

    // Another worker takes both at once, not a 60 s lease later: the same day's drain runs
    // again, the import completes. (The webhook it was sending has its own lease, the
    // timeout + 30 s, as after a crash: it is sent again then, under the same unique key.)
    receiver.control.onRequest = null;
    slow.peer.delayMs = 0;
    const next = worker(env);
    await until(() => db.job.findUniqueOrThrow({ where: { id: slow.job.id } }), (row) => row.state === "succeeded", 20_000);
    const rerun = await until(() => db.scheduleRun.findFirst({ where: { schedule: "webhooks", trigger: "worker", outcome: "succeeded", startedAt: { gt: interrupted.startedAt } } }), (row) => row !== null);
    expect((rerun!.summary as { period: string }).period).toBe(new Date(Math.floor(interrupted.startedAt.getTime() / 86_400_000) * 86_400_000).toISOString());
    expect(await next.stop()).toBe(0);
    await receiver.close();
  });
});
