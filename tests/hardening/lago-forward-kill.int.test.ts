import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/server/db/client";
import { enqueueLagoForward } from "~/server/lago-forward/enqueue-lago-forward";
import { sealingKeyFrom, sealSecret } from "~/server/lib/sealed-secret";
import { createService } from "~/server/services/create-service";
import { createTestDatabase } from "../support/app-server";
import { uniqueCode } from "../support/fixtures";
import { type LagoPeer, startLagoPeer } from "../support/lago-peer";
import { type RunningWorker, startWorkerProcess } from "../support/worker-process";

/*
 * A worker killed with SIGKILL after Lago applied a forward but before it heard the answer:
 * the next worker takes the forward over once the lease ends and resends it; Lago's
 * idempotency makes that resend harmless, so Lago holds every write once and none is lost.
 */
const NEXTAUTH_SECRET = "lago-forward-kill-nextauth-secret-0123456789";
const TIMEOUT_MS = 4_000;

let database: { url: string; drop: () => Promise<void> };
let db: Db;
let closeDb: () => Promise<void>;
let peer: LagoPeer;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  database = await createTestDatabase("nexa_forward_kill");
  ({ db, close: closeDb } = await createDb(database.url, { poolSize: 4 }));
  peer = await startLagoPeer();
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill()));
  await peer?.close();
  await closeDb?.();
  await database?.drop();
});

const worker = () => {
  const started = startWorkerProcess({
    DATABASE_URL: database.url, NEXTAUTH_SECRET, LAGO_FORWARD_TIMEOUT_MS: String(TIMEOUT_MS), WORKER_LEASE_MS: "3000",
    WORKER_SCHEDULE_SECONDS: "lago-forward=1,webhooks=0,odoo-poll=0,usage-push=0",
  });
  workers.push(started);
  return started;
};

async function until(done: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("lago-forward drain killed mid-request", () => {
  it("loses and doubles nothing", { timeout: 90_000 }, async () => {
    const code = uniqueCode("shadow");
    const { service } = await createService({ db, code, name: code });
    await db.service.update({ where: { id: service.id }, data: { billingMode: "shadow", lagoApiUrl: peer.url, lagoApiKeySealed: sealSecret(peer.apiKey, sealingKeyFrom(NEXTAUTH_SECRET)) } });
    const customerKey = uniqueCode("acct");
    const externalId = uniqueCode("cust");
    const [a, b, c] = [uniqueCode("tx"), uniqueCode("tx"), uniqueCode("tx")];
    const ev = (transactionId: string) => ({ transaction_id: transactionId, external_subscription_id: "sub", code: "calls", timestamp: 1_764_000_000 });
    await enqueueLagoForward(db, { serviceId: service.id, customerKey, method: "POST", path: "/customers", body: { customer: { external_id: externalId, name: "Kill" } } });
    await enqueueLagoForward(db, { serviceId: service.id, customerKey, method: "POST", path: "/events", body: { event: ev(a) } });
    await enqueueLagoForward(db, { serviceId: service.id, customerKey, method: "POST", path: "/events/batch", body: { events: [ev(b), ev(c)] } });

    // Lago applies the first write, then holds its answer: the worker dies without hearing it.
    peer.answerDelayMs = 2_000;
    const first = worker();
    await until(() => peer.writes.length === 1);
    await first.kill();
    expect(await db.lagoForward.count({ where: { serviceId: service.id, status: "delivered" } })).toBe(0);

    peer.answerDelayMs = 0;
    worker();
    await until(async () => (await db.lagoForward.count({ where: { serviceId: service.id, status: "delivered" } })) === 3, 60_000);
    expect(peer.data.customers.filter((row) => row.external_id === externalId)).toHaveLength(1);
    expect(peer.data.events.map((row) => row.transaction_id)).toEqual([a, b, c]);
    // The resend of the customer is the one write Lago saw twice, an upsert to the same state.
    expect(peer.writes.map((write) => write.path)).toEqual(["/customers", "/customers", "/events", "/events/batch"]);
  });
});
