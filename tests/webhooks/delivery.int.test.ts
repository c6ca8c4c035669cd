import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { verifyNexaWebhook } from "~/lib/verify-webhook";
import { env } from "~/server/env";
import { drainWebhooks, getWebhookDelivery, recordLifecycleEvent, replayDeadWebhookDeliveries, replayWebhookDelivery, webhookSettings } from "~/server/webhooks";
import { testDb } from "../support/fixtures";
import { invoiceObservation, seedSubscribedCustomer, seenOwed, startReceiver } from "./webhook-fixtures";

const settings = webhookSettings(env());

const HOUR = 3_600_000;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A receiver plus a subscribed customer pointing at it; both torn down after the test. */
async function setup() {
  const db = await testDb();
  const secret = `whsec_${Math.random().toString(36).slice(2)}`;
  const receiver = await startReceiver(secret);
  const seeded = await seedSubscribedCustomer(db, { webhookUrl: receiver.url, secret });
  cleanups.push(async () => {
    // Leftovers must not be retried by the next test's drains.
    await db.webhookDelivery.updateMany({ where: { serviceId: seeded.service.id, state: "pending" }, data: { state: "dead" } });
    await receiver.close();
  });
  const paid = async (now?: Date) =>
    recordLifecycleEvent({
      db, settings, source: "poll", observedAt: new Date(), now,
      observation: await seenOwed(db, invoiceObservation({ state: "paid", partnerId: seeded.odooPartnerId, orderIds: [seeded.odooOrderId] })),
    });
  const deliveriesOf = () => db.webhookDelivery.findMany({ where: { serviceId: seeded.service.id }, orderBy: { sequence: "asc" }, include: { attemptLog: { orderBy: { number: "asc" } } } });
  return { db, secret, receiver, seeded, paid, deliveriesOf };
}

describe("outbound lifecycle webhooks", () => {
  it("retries a receiver that fails twice, signs every attempt and logs each one", async () => {
    const { db, secret, receiver, seeded, paid, deliveriesOf } = await setup();
    const t = Date.now();
    const event = await paid(new Date(t));
    expect(event?.kind).toBe("payment_succeeded");
    receiver.control.failNext = 2;

    await drainWebhooks({ db, settings, now: new Date(t) });
    expect((await deliveriesOf())[0]).toMatchObject({ state: "pending", attempts: 1, lastStatus: 500 });
    // Backoff: not due again straight away.
    await drainWebhooks({ db, settings, now: new Date(t + 1_000) });
    expect(receiver.received).toHaveLength(1);
    await drainWebhooks({ db, settings, now: new Date(t + 60_000) });
    await drainWebhooks({ db, settings, now: new Date(t + 10 * 60_000) });

    const [delivery] = await deliveriesOf();
    expect(delivery).toMatchObject({ state: "delivered", attempts: 3, lastStatus: 200, lastError: null, webhookType: "invoice.payment_status_updated" });
    expect(delivery!.deliveredAt).toEqual(new Date(t + 10 * 60_000));
    expect(delivery!.attemptLog.map((a) => [a.number, a.status, a.responseExcerpt, a.error])).toEqual([
      [1, 500, "try later", null],
      [2, 500, "try later", null],
      [3, 200, "ok", null],
    ]);
    expect(delivery!.attemptLog.every((a) => a.latencyMs >= 0)).toBe(true);
    expect(delivery!.attemptLog.map((a) => a.createdAt.getTime())).toEqual([t, t + 60_000, t + 10 * 60_000]);
    const detail = await getWebhookDelivery({ db, id: delivery!.id });
    expect(detail).toMatchObject({ service: { code: seeded.service.code }, lifecycleEvent: { id: event!.id }, attemptLog: [{ number: 1 }, { number: 2 }, { number: 3 }] });
    await expect(getWebhookDelivery({ db, id: "nope" })).rejects.toThrow(/webhook_delivery not found/);

    expect(receiver.received).toHaveLength(3);
    expect(receiver.received.every((hit) => hit.signatureOk && hit.uniqueKey === delivery!.id)).toBe(true);
    // Lago's default signature: a service registered today gets the RS256 JWT.
    expect(receiver.received[0]!.headers["x-lago-signature-algorithm"]).toBe("jwt");
    expect(receiver.processed.size).toBe(1);
    const [payload] = receiver.payloads();
    expect(payload).toMatchObject({
      webhook_type: "invoice.payment_status_updated",
      object_type: "invoice",
      organization_id: "nexa-billing-hub",
      invoice: { payment_status: "succeeded", total_amount_cents: 10_000, customer: { external_id: seeded.customer.externalId } },
      nexa: { event_id: event!.id, odoo_model: "account.move", odoo_state: "paid" },
    });
    expect(payload!.invoice.subscriptions.map((s: any) => s.external_id)).toEqual([seeded.subscription.externalId]);

    // What a receiver must refuse: a tampered body, and the genuine request replayed later.
    const hit = receiver.received[2]!;
    const header = hit.headers["x-nexa-signature"] as string;
    expect(verifyNexaWebhook({ payload: hit.body, header, secret }).ok).toBe(true);
    expect(verifyNexaWebhook({ payload: hit.body.replace("succeeded", "failed"), header, secret })).toEqual({ ok: false, reason: "signature_mismatch" });
    expect(verifyNexaWebhook({ payload: hit.body, header, secret, now: new Date(Date.now() + 6 * 60_000) })).toEqual({ ok: false, reason: "timestamp_out_of_tolerance" });
    const signatures = { "x-nexa-signature": header, "x-lago-signature": hit.headers["x-lago-signature"] as string };
    const forged = await fetch(receiver.url, { method: "POST", headers: signatures, body: hit.body.replace("succeeded", "failed") });
    expect(forged.status).toBe(401);
  });

  it("dead-letters after the retry window, then replays one or all dead deliveries", async () => {
    const { db, receiver, seeded, paid, deliveriesOf } = await setup();
    const t = Date.now();
    await paid(new Date(t));
    receiver.control.down = true;
    for (let hours = 0; hours <= 26; hours += 2) await drainWebhooks({ db, settings, now: new Date(t + hours * HOUR) });
    let [delivery] = await deliveriesOf();
    expect(delivery).toMatchObject({ state: "dead", attempts: 13, lastStatus: 503, lastError: "HTTP 503" });
    expect(delivery!.deadAt).toEqual(new Date(t + 24 * HOUR));
    expect(delivery!.attemptLog.at(-1)).toMatchObject({ status: 503, responseExcerpt: "down for maintenance" });

    receiver.control.down = false;
    expect(await replayDeadWebhookDeliveries({ db, settings, serviceId: seeded.service.id, now: new Date(t + 30 * HOUR) })).toEqual({ count: 1 });
    await drainWebhooks({ db, settings, now: new Date(t + 30 * HOUR) });
    [delivery] = await deliveriesOf();
    expect(delivery).toMatchObject({ state: "delivered", attempts: 14, deadAt: null });

    // Replaying a delivered webhook resends it under the same unique key: the receiver dedupes.
    await replayWebhookDelivery({ db, settings, deliveryId: delivery!.id });
    await drainWebhooks({ db, settings });
    expect(receiver.received.at(-1)!.uniqueKey).toBe(delivery!.id);
    expect(receiver.processed.size).toBe(1);
    await expect(replayWebhookDelivery({ db, settings, deliveryId: "not-a-uuid" })).rejects.toThrow(/webhook_delivery not found/);
    await expect(replayDeadWebhookDeliveries({ db, settings, serviceCode: "no-such-service" })).rejects.toThrow(/service not found/);
  });

  it("keeps a customer's order while its receiver is down for hours, without holding up others", async () => {
    const { db, receiver, paid, deliveriesOf } = await setup();
    const other = await setup();
    const t = Date.now();
    for (let i = 0; i < 3; i++) await paid(new Date(t));
    receiver.control.down = true;
    for (let hours = 0; hours < 6; hours++) {
      await drainWebhooks({ db, settings, now: new Date(t + hours * HOUR) });
      if (hours === 2) await other.paid(new Date(t + hours * HOUR));
    }
    const queued = await deliveriesOf();
    // Only the head was tried: the later ones never overtook it.
    expect(new Set(receiver.received.map((hit) => hit.uniqueKey))).toEqual(new Set([queued[0]!.id]));
    expect(queued.map((d) => d.attempts)).toEqual([6, 0, 0]);
    expect(other.receiver.processed.size).toBe(1);

    receiver.control.down = false;
    await drainWebhooks({ db, settings, now: new Date(t + 6 * HOUR) });
    expect([...receiver.processed.keys()]).toEqual(queued.map((d) => d.id));
    expect((await deliveriesOf()).map((d) => d.state)).toEqual(["delivered", "delivered", "delivered"]);
  });

  it("loses nothing when the drainer is killed mid-delivery: a fresh one delivers it exactly once", async () => {
    const { db, receiver, paid, deliveriesOf } = await setup();
    await paid();
    const child = spawn("npx", ["tsx", "scripts/webhooks.ts", "drain"], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
      stdio: "ignore",
      detached: true,
    });
    const killed = new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    // The receiver has the request but the sender dies before hearing the answer. The
    // whole process group goes: npx, tsx and the node process actually draining.
    receiver.control.onRequest = () => process.kill(-child.pid!, "SIGKILL");
    expect(await killed).toBe("SIGKILL");
    receiver.control.onRequest = null;
    expect(receiver.received).toHaveLength(1);
    expect((await deliveriesOf())[0]).toMatchObject({ state: "pending", attempts: 0 });

    // Still leased by the dead drainer...
    await drainWebhooks({ db, settings });
    expect(receiver.received).toHaveLength(1);
    // ...until the lease runs out.
    await drainWebhooks({ db, settings, now: new Date(Date.now() + 2 * 60_000) });
    const [delivery] = await deliveriesOf();
    expect(delivery).toMatchObject({ state: "delivered", attempts: 1 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.processed.size).toBe(1);
    await drainWebhooks({ db, settings, now: new Date(Date.now() + 10 * 60_000) });
    expect(receiver.received).toHaveLength(2);
  });

  it("keeps at most 1 KB of a receiver's answer", async () => {
    const { db, receiver, paid, deliveriesOf } = await setup();
    receiver.control.responseBody = "é".repeat(3_000);
    await paid();
    await drainWebhooks({ db, settings });
    const [delivery] = await deliveriesOf();
    expect(delivery!.state).toBe("delivered");
    expect(Buffer.byteLength(delivery!.attemptLog[0]!.responseExcerpt!)).toBeLessThanOrEqual(1_024);
    expect(delivery!.attemptLog[0]!.responseExcerpt!.startsWith("éé")).toBe(true);
  });
});
