import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { DEMO_NEXTAUTH_SECRET } from "~/server/env";
import { drainLagoForwards } from "~/server/lago-forward/drain-lago-forwards";
import { sealingKeyFrom, sealSecret } from "~/server/lib/sealed-secret";
import { TEST_CRON_SECRET } from "../support/app-server";
import { signedInAs, trpcCode } from "../support/console-session";
import { createBillingSetup, createTestService, testDb, uniqueCode } from "../support/fixtures";
import { type LagoPeer, startLagoPeer } from "../support/lago-peer";

/* A shadow service's writes reach its Lago once each, in order per customer, through the outbox and its drain (run here in-process with a simulated clock). */
const sealingKey = sealingKeyFrom(process.env.NEXTAUTH_SECRET ?? DEMO_NEXTAUTH_SECRET);
const HOUR = 3_600_000;

async function shadowService(peer: LagoPeer) {
  const created = await createTestService("shadow");
  const db = await testDb();
  await db.service.update({ where: { id: created.service.id }, data: { billingMode: "shadow", lagoApiUrl: peer.url, lagoApiKeySealed: sealSecret(peer.apiKey, sealingKey) } });
  return created;
}

const forwardsOf = async (serviceId: string) => (await testDb()).lagoForward.findMany({ where: { serviceId }, orderBy: { sequence: "asc" } });
const drain = (now: Date, maxAttempts = 12) => testDb().then((db) => drainLagoForwards({ db, sealingKey, maxAttempts, now, timeoutMs: 2_000, random: () => 0 }));
// One instant for every event of the file: a retry must resend the very same event, even when a loaded machine moves the clock past a second between the two requests.
const sentAt = Math.floor(Date.now() / 1000) - 60;
const event = (subscriptionId: string, metricCode: string, transactionId: string, units = 1) => ({
  transaction_id: transactionId, external_subscription_id: subscriptionId, code: metricCode, timestamp: sentAt, properties: { units },
});

describe("shadow forwarding to Lago", () => {
  let peer: LagoPeer;
  beforeEach(async () => {
    peer = await startLagoPeer();
  });
  afterEach(async () => {
    await peer.close();
  });

  it("delivers a customer, its subscription and events once each, in order, after Lago was down and rate-limited", async () => {
    const { service, api } = await shadowService(peer);
    peer.down = true;
    const setup = await createBillingSetup(api);
    const [e1, e2, e3] = [uniqueCode("tx"), uniqueCode("tx"), uniqueCode("tx")];
    expect((await api.post("/events", { event: event(setup.subscriptionId, setup.metricCode, e1) })).status).toBe(200);
    expect((await api.post("/events/batch", { events: [event(setup.subscriptionId, setup.metricCode, e2), event(setup.subscriptionId, setup.metricCode, e3, 2)] })).status).toBe(200);
    // An idempotent retry and a refused event forward nothing.
    expect((await api.post("/events", { event: event(setup.subscriptionId, setup.metricCode, e1) })).status).toBe(200);
    expect((await api.post("/events", { event: event("no_such_subscription", setup.metricCode, uniqueCode("tx")) })).status).toBe(404);
    expect((await api.post("/events", { event: { ...event(setup.subscriptionId, setup.metricCode, e1), properties: { units: 9 } } })).status).toBe(422);
    const queued = await forwardsOf(service.id);
    expect(queued.map((f) => `${f.method} ${f.path}`)).toEqual(["POST /customers", "POST /subscriptions", "POST /events", "POST /events/batch"]);
    expect(new Set(queued.map((f) => f.customerKey)).size).toBe(1);

    // Lago unreachable: the customer's first forward fails and backs off; the later ones wait behind it.
    const t0 = new Date();
    expect(await drain(t0)).toEqual({ delivered: 0, retrying: 1, dead: 0 });
    expect(peer.writes).toEqual([]);
    const [customerForward] = await forwardsOf(service.id);
    expect(customerForward).toMatchObject({ status: "pending", attempts: 1, lastStatus: null });
    expect(customerForward!.lastError).toMatch(/fetch failed|ECONNRESET|socket/i);

    // Lago back, but rate-limiting once: the wait is Lago's and not an attempt.
    peer.down = false;
    peer.fail({ path: "/customers", method: "POST", status: 429, times: 1 });
    const t1 = new Date(t0.getTime() + HOUR);
    expect(await drain(t1)).toEqual({ delivered: 0, retrying: 1, dead: 0 });
    expect((await forwardsOf(service.id))[0]).toMatchObject({ attempts: 1, lastStatus: 429, nextAttemptAt: new Date(t1.getTime() + 2_000) });

    expect(await drain(new Date(t1.getTime() + 3_000))).toEqual({ delivered: 4, retrying: 0, dead: 0 });
    expect(peer.writes.map((w) => `${w.method} ${w.path}`)).toEqual(["POST /customers", "POST /subscriptions", "POST /events", "POST /events/batch"]);
    expect(peer.writes[1]!.body).toMatchObject({ subscription: { external_id: setup.subscriptionId, external_customer_id: setup.customerId, plan_code: setup.planCode } });
    expect(peer.data.events.map((e) => e.transaction_id)).toEqual([e1, e2, e3]);
    expect(peer.data.events[2]).toMatchObject({ external_subscription_id: setup.subscriptionId, code: setup.metricCode, properties: { units: 2 } });
    expect((await forwardsOf(service.id)).every((f) => f.status === "delivered")).toBe(true);

    // A drainer that died after Lago stored an event resends it: Lago's duplicate answer counts as delivered, nothing doubles.
    const db = await testDb();
    await db.lagoForward.updateMany({ where: { serviceId: service.id, path: { startsWith: "/events" } }, data: { status: "pending", deliveredAt: null } });
    expect(await drain(new Date(t1.getTime() + 4_000))).toEqual({ delivered: 2, retrying: 0, dead: 0 });
    expect(peer.data.events.map((e) => e.transaction_id)).toEqual([e1, e2, e3]);

    // Update and termination follow, in order after the rest.
    expect((await api.put(`/subscriptions/${setup.subscriptionId}`, { subscription: { name: "Renamed" } })).status).toBe(200);
    expect((await api.delete(`/subscriptions/${setup.subscriptionId}`)).status).toBe(200);
    expect(await drain(new Date(t1.getTime() + 5_000))).toEqual({ delivered: 2, retrying: 0, dead: 0 });
    expect(peer.data.subscriptions[0]).toMatchObject({ external_id: setup.subscriptionId, name: "Renamed", status: "terminated" });
  });

  it("resends only the events of a batch Lago does not have yet", async () => {
    const { service, api } = await shadowService(peer);
    const setup = await createBillingSetup(api);
    const [a, b] = [uniqueCode("tx"), uniqueCode("tx")];
    await api.post("/events/batch", { events: [event(setup.subscriptionId, setup.metricCode, a), event(setup.subscriptionId, setup.metricCode, b)] });
    // Lago already has `a` (say, the app sent it to Lago itself before switching).
    peer.data.events.push({ transaction_id: a });
    expect(await drain(new Date())).toMatchObject({ delivered: 3, dead: 0 });
    expect(peer.data.events.map((e) => e.transaction_id)).toEqual([a, b]);
    expect((await forwardsOf(service.id)).at(-1)).toMatchObject({ status: "delivered", body: { events: [expect.objectContaining({ transaction_id: b })] } });
  });

  it("dead-letters with Lago's answer verbatim, shown on the console, and a replay from there delivers it", async () => {
    const { service, api } = await shadowService(peer);
    peer.fail({ path: "/customers", method: "POST", status: 500, times: 2 });
    const externalId = uniqueCode("cust");
    expect((await api.post("/customers", { customer: { external_id: externalId, name: "Dead letter" } })).status).toBe(200);
    const t0 = new Date();
    expect(await drain(t0, 2)).toEqual({ delivered: 0, retrying: 1, dead: 0 });
    expect(await drain(new Date(t0.getTime() + HOUR), 2)).toEqual({ delivered: 0, retrying: 0, dead: 1 });
    const [dead] = await forwardsOf(service.id);
    expect(dead).toMatchObject({ status: "dead", attempts: 2, lastStatus: 500, lastError: JSON.stringify({ status: 500, error: "Internal Server Error" }) });
    expect(await drain(new Date(t0.getTime() + 10 * HOUR), 2)).toEqual({ delivered: 0, retrying: 0, dead: 0 });

    const ops = await signedInAs("ops");
    expect(await ops.client.webhooks.listLagoForwards.query()).toContainEqual(expect.objectContaining({
      id: dead!.id, serviceCode: service.code, method: "POST", path: "/customers", lastStatus: 500, lastError: dead!.lastError, body: { customer: { external_id: externalId, name: "Dead letter" } },
    }));
    expect(await ops.client.webhooks.replayLagoForward.mutate({ id: dead!.id })).toMatchObject({ status: "pending", attempts: 0 });
    // Only a dead forward replays.
    expect(await trpcCode(ops.client.webhooks.replayLagoForward.mutate({ id: dead!.id }))).toBe("NOT_FOUND");
    expect(await (await testDb()).auditLog.count({ where: { action: "lago_forward.replay", entityId: dead!.id } })).toBe(1);
    expect(await drain(new Date(), 2)).toEqual({ delivered: 1, retrying: 0, dead: 0 });
    expect(peer.data.customers).toEqual([expect.objectContaining({ external_id: externalId, name: "Dead letter" })]);
  });

  it("is drained by the cron route, behind the cron secret, and recorded as a schedule run", async () => {
    const { service, api } = await shadowService(peer);
    const externalId = uniqueCode("cust");
    await api.post("/customers", { customer: { external_id: externalId, name: "By cron" } });
    const cron = (secret?: string) => fetch(`${inject("baseUrl")}/api/cron/lago-forward`, { method: "POST", headers: secret ? { "x-cron-secret": secret } : {} });
    expect((await cron()).status).toBe(401);
    expect(peer.writes).toEqual([]);
    expect((await cron(TEST_CRON_SECRET)).status).toBe(200);
    expect(peer.data.customers).toEqual([expect.objectContaining({ external_id: externalId, name: "By cron" })]);
    expect((await forwardsOf(service.id))[0]).toMatchObject({ status: "delivered" });
    expect(await (await testDb()).scheduleRun.count({ where: { schedule: "lago-forward", trigger: "cron" } })).toBeGreaterThan(0);
  });

  it("forwards nothing for a live service", async () => {
    const { service, api } = await createTestService("live");
    const setup = await createBillingSetup(api);
    expect((await api.post("/events", { event: event(setup.subscriptionId, setup.metricCode, uniqueCode("tx")) })).status).toBe(200);
    expect(await forwardsOf(service.id)).toEqual([]);
  });
});
