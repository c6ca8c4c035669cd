import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "~/server/env";
import { drainLagoForwards } from "~/server/lago-forward/drain-lago-forwards";
import { sealingKeyFrom, sealSecret } from "~/server/lib/sealed-secret";
import { completeDueCutovers } from "~/server/migration/complete-due-cutovers";
import { rollBackCutover } from "~/server/migration/roll-back-cutover";
import { scheduleCutover } from "~/server/migration/schedule-cutover";
import { setMigrationGate } from "~/server/migration/set-migration-gate";
import { setBillingMode } from "~/server/services/set-billing-mode";
import { at, invoicesOf, type Lifecycle, startLifecycle, subscribe } from "../support/billing-lifecycle";
import { lagoCustomer, lagoSubscription, type LagoPeer, startLagoPeer } from "../support/lago-peer";

/*
 * A shadow service cut over from Lago to Odoo at a month boundary, with Odoo's invoicing
 * run every day: Lago is told to end each subscription at the boundary, the hub gives
 * Odoo an order that starts there (so Odoo bills the new month and nothing Lago billed),
 * and rollbacks before the boundary and before Odoo's first invoice hand the service back.
 * The hub's forwards are delivered to a Lago peer, so each step is read from what Lago holds.
 */
const sealingKey = sealingKeyFrom(env().NEXTAUTH_SECRET);
let life: Lifecycle;
let lago: LagoPeer;
beforeAll(async () => {
  life = await startLifecycle({ firstDay: "2026-03-20" });
  lago = await startLagoPeer();
}, 120_000);
afterAll(async () => {
  await lago?.close();
  await life?.stop();
});

type Sub = Awaited<ReturnType<typeof subscribe>>;
const boundary = at("2026-04-01");
const serviceCodeOf = async (sub: Sub) => (await life.db.service.findUniqueOrThrow({ where: { id: sub.serviceId } })).code;

/** A shadow service whose January and February agree with Lago, and a two-period gate. */
async function shadowWithGreenGate(options: { billingTime?: "calendar" | "anniversary"; subscriptionAt?: Date } = {}) {
  const sub = await subscribe(life.db, { subscriptionAt: options.subscriptionAt ?? at("2026-01-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "0.50", billingTime: options.billingTime });
  const db = life.db;
  // Imported from Lago, where the customer and its subscription have lived since January.
  lago.data.customers.push(lagoCustomer(sub.customerExternalId, lago.data.customers.length + 1));
  lago.data.subscriptions.push(lagoSubscription(sub.externalId, sub.customerExternalId, sub.planCode, "2026-01-01T00:00:00Z"));
  await db.service.update({ where: { id: sub.serviceId }, data: { lagoApiUrl: lago.url, lagoApiKeySealed: sealSecret(lago.apiKey, sealingKey) } });
  await setBillingMode({ db, serviceId: sub.serviceId, mode: "shadow", reason: "pilot" });
  const code = await serviceCodeOf(sub);
  await setMigrationGate({ db, serviceCode: code, periods: 2, toleranceCents: 0 });
  return { sub, code };
}
async function agreeingPeriods(sub: Sub, code: string) {
  for (const [start, end] of [["2026-01-01", "2026-02-01"], ["2026-02-01", "2026-03-01"]] as const) {
    await life.db.reconciliationRun.create({
      data: {
        serviceId: sub.serviceId, periodStart: at(start), periodEnd: at(end), status: "succeeded", createdAt: at("2026-03-05"),
        lines: { create: [{ serviceCode: code, customerKey: "c", chargeKey: `plan:${sub.planCode}`, status: "missing_in_odoo", currency: "CAD", lagoUnits: "1", hubUnits: "1", lagoAmountCents: 2900n, hubAmountCents: 2900n, amountDiffCents: 0n }] },
      },
    });
  }
}
const forwardsOf = (sub: Sub) => life.db.lagoForward.findMany({ where: { serviceId: sub.serviceId }, orderBy: { sequence: "asc" }, select: { method: true, path: true, body: true } });
/** Delivers every due forward; none may fail. */
async function deliverToLago() {
  expect(await drainLagoForwards({ db: life.db, sealingKey, maxAttempts: 3, timeoutMs: 5_000 })).toMatchObject({ retrying: 0, dead: 0 });
}
/** What Lago holds under the subscription's external id, oldest first. */
const inLago = (sub: Sub) => lago.data.subscriptions.filter((row) => row.external_id === sub.externalId)
  .map((row) => ({ status: row.status, plan_code: row.plan_code, external_customer_id: row.external_customer_id, subscription_at: row.subscription_at, ending_at: row.ending_at, terminated_at: row.terminated_at }));
const lagoEventsOf = (sub: Sub) => lago.data.events.filter((row) => row.external_subscription_id === sub.externalId);
const ordersOf = (orderRef: string) => life.odoo.call<unknown[]>("sale.order", "search_read", { domain: [["client_order_ref", "=", orderRef]], fields: ["id"] });

describe("cutover from Lago to Odoo", () => {
  let pilot: { sub: Sub; code: string };
  let regret: { sub: Sub; code: string };
  let early: { sub: Sub; code: string };
  let sameDay: { sub: Sub; code: string };
  const now = at("2026-03-20", 12);
  let operator: string;

  beforeAll(async () => {
    pilot = await shadowWithGreenGate();
    regret = await shadowWithGreenGate();
    early = await shadowWithGreenGate();
    sameDay = await shadowWithGreenGate();
    operator = (await life.db.user.create({ data: { email: `${pilot.code}@ops.example.test`, passwordHash: "unused", role: "ops" } })).id;
  }, 120_000);

  it("refuses while the gate is red, without the typed service code, and off a period boundary", async () => {
    await expect(scheduleCutover({ db: life.db, serviceCode: pilot.code, confirmation: pilot.code, now })).rejects.toMatchObject({ code: "not_allowed", message: expect.stringContaining("gate is red") });
    for (const service of [pilot, regret, early, sameDay]) await agreeingPeriods(service.sub, service.code);
    await expect(scheduleCutover({ db: life.db, serviceCode: pilot.code, confirmation: "yes", now })).rejects.toMatchObject({ extra: { details: { confirmation: ["type_the_service_code"] } } });
    const anniversary = await shadowWithGreenGate({ billingTime: "anniversary", subscriptionAt: at("2026-01-17") });
    await agreeingPeriods(anniversary.sub, anniversary.code);
    await expect(scheduleCutover({ db: life.db, serviceCode: anniversary.code, confirmation: anniversary.code, now })).rejects.toMatchObject({
      extra: { details: { at: ["not_a_period_boundary"], subscriptions: { [anniversary.sub.externalId]: [expect.stringContaining("turns on 2026-03-17")] } } },
    });
    expect((await life.db.service.findUniqueOrThrow({ where: { id: anniversary.sub.serviceId } })).cutoverAt).toBeNull();
  });

  it("schedules the cutover at the next 1st: Lago is told to end each subscription there, and audited", async () => {
    for (const service of [pilot, regret, early, sameDay]) {
      const scheduled = await scheduleCutover({ db: life.db, serviceCode: service.code, confirmation: service.code, now, actorId: operator });
      expect(scheduled).toMatchObject({ cutoverAt: boundary, billingMode: "shadow", lagoSubscriptionsEnding: 1 });
      expect(await forwardsOf(service.sub)).toEqual([{ method: "PUT", path: `/subscriptions/${service.sub.externalId}`, body: { subscription: { ending_at: "2026-04-01T00:00:00Z" } } }]);
    }
    await expect(scheduleCutover({ db: life.db, serviceCode: pilot.code, confirmation: pilot.code, now })).rejects.toMatchObject({ message: expect.stringContaining("already scheduled") });
    await deliverToLago();
    for (const service of [pilot, regret, early, sameDay]) expect(inLago(service.sub)).toEqual([expect.objectContaining({ status: "active", ending_at: "2026-04-01T00:00:00Z" })]);
    expect(await life.db.auditLog.findFirst({ where: { entityId: pilot.sub.serviceId, action: "service.schedule_cutover" } })).toMatchObject({
      actorId: operator, after: expect.objectContaining({ cutoverAt: "2026-04-01T00:00:00.000Z", lagoSubscriptionsEnding: [pilot.sub.externalId] }),
    });
  });

  it("keeps forwarding March to Lago, but not events on or after the cutover", async () => {
    await pilot.sub.send(10, at("2026-03-25"));
    await pilot.sub.send(3, at("2026-04-01"), at("2026-03-31", 23));
    const events = (await forwardsOf(pilot.sub)).filter((forward) => forward.path.startsWith("/events"));
    expect(events).toEqual([expect.objectContaining({ body: { event: expect.objectContaining({ timestamp: at("2026-03-25").getTime() / 1000 }) } })]);
    await deliverToLago();
    expect(lagoEventsOf(pilot.sub)).toEqual([expect.objectContaining({ code: pilot.sub.metricCode, timestamp: at("2026-03-25").getTime() / 1000, properties: { units: 10 } })]);
  });

  it("rolls back before the boundary: the Lago subscription gets its own ending back", async () => {
    const rolledBack = await rollBackCutover({ db: life.db, odoo: () => life.odoo, serviceCode: early.code, confirmation: early.code, now });
    expect(rolledBack).toMatchObject({ stage: "cancelled before the boundary", billingMode: "shadow" });
    expect((await forwardsOf(early.sub)).at(-1)).toEqual({ method: "PUT", path: `/subscriptions/${early.sub.externalId}`, body: { subscription: { ending_at: null } } });
    expect((await life.db.service.findUniqueOrThrow({ where: { id: early.sub.serviceId } })).cutoverAt).toBeNull();
    await deliverToLago();
    expect(inLago(early.sub)).toEqual([expect.objectContaining({ status: "active", ending_at: null })]);
  });

  it("turns live at the boundary, and Odoo bills April and nothing before it", async () => {
    await life.runUntil("2026-03-31");
    expect(await ordersOf(pilot.sub.orderRef)).toEqual([]);
    expect(await completeDueCutovers({ db: life.db, now: at("2026-03-31", 23) })).toEqual({ servicesCutOver: [] });
    const completed = await completeDueCutovers({ db: life.db, now: at("2026-04-01", 0) });
    expect(completed.servicesCutOver.sort()).toEqual([pilot.code, regret.code, sameDay.code].sort());
    expect(await completeDueCutovers({ db: life.db, now: at("2026-04-01", 1) })).toEqual({ servicesCutOver: [] });
    expect(await life.db.auditLog.findFirst({ where: { entityId: pilot.sub.serviceId, action: "service.cutover" } })).toMatchObject({ actorServiceId: pilot.sub.serviceId, after: expect.objectContaining({ billingMode: "live" }) });

    // Rolled back before Lago's clock has ended its subscription: Lago answers the re-create
    // with the subscription it still has, and the ending sent after it keeps it billing.
    await rollBackCutover({ db: life.db, odoo: () => life.odoo, serviceCode: sameDay.code, confirmation: sameDay.code, now: at("2026-04-01", 0) });
    await deliverToLago();
    expect(inLago(sameDay.sub)).toEqual([expect.objectContaining({ status: "active", subscription_at: "2026-01-01T00:00:00Z", ending_at: null })]);

    // Lago's clock ends the two others at the boundary, so it bills March and nothing after.
    lago.terminateEnded(at("2026-04-01", 1));
    expect(inLago(sameDay.sub)).toEqual([expect.objectContaining({ status: "active" })]);
    for (const service of [pilot, regret]) expect(inLago(service.sub)).toEqual([expect.objectContaining({ status: "terminated", terminated_at: "2026-04-01T00:00:00Z" })]);
    expect(inLago(early.sub)).toEqual([expect.objectContaining({ status: "active" })]);

    await pilot.sub.send(8, at("2026-04-10"));
    expect((await forwardsOf(pilot.sub)).filter((forward) => forward.path.startsWith("/events"))).toHaveLength(1);
    await deliverToLago();
    expect(lagoEventsOf(pilot.sub)).toHaveLength(1);
    await life.runUntil("2026-04-20");
    const { order, invoices } = await invoicesOf(life.odoo, pilot.sub.orderRef);
    expect(order).toMatchObject({ subscription_state: "3_progress", next_invoice_date: "2026-05-01" });
    expect(invoices).toEqual([]);
  }, 120_000);

  it("rolls back after the boundary until Odoo's first invoice: the order closes uninvoiced and Lago gets the subscription again from the boundary", async () => {
    const [regretOrder] = await ordersOf(regret.sub.orderRef) as Array<{ id: number }>;
    expect(regretOrder).toBeDefined();
    const rolledBack = await rollBackCutover({ db: life.db, odoo: () => life.odoo, serviceCode: regret.code, confirmation: regret.code, now: at("2026-04-20", 12), actorId: operator });
    expect(rolledBack).toMatchObject({ stage: "rolled back after the boundary", odooOrdersClosed: 1, lagoSubscriptionsRestored: 1 });
    expect(await life.db.service.findUniqueOrThrow({ where: { id: regret.sub.serviceId } })).toMatchObject({ billingMode: "shadow", cutoverAt: null });
    expect((await forwardsOf(regret.sub)).slice(-2)).toEqual([
      { method: "POST", path: "/subscriptions", body: { subscription: expect.objectContaining({ external_id: regret.sub.externalId, plan_code: regret.sub.planCode, subscription_at: "2026-04-01T00:00:00Z" }) } },
      { method: "PUT", path: `/subscriptions/${regret.sub.externalId}`, body: { subscription: { ending_at: null } } },
    ]);

    await deliverToLago();
    // Lago bills the service again from the boundary, under the same external id, beside the ended one.
    expect(inLago(regret.sub)).toEqual([
      expect.objectContaining({ status: "terminated", terminated_at: "2026-04-01T00:00:00Z" }),
      { status: "active", plan_code: regret.sub.planCode, external_customer_id: regret.sub.customerExternalId, subscription_at: "2026-04-01T00:00:00Z", ending_at: null, terminated_at: null },
    ]);

    await life.runUntil("2026-05-03");
    // The pilot's first Odoo invoice: April's fee and its 3 + 8 units (the 3 at the boundary went to Odoo, not Lago); none of March's 10.
    expect((await invoicesOf(life.odoo, pilot.sub.orderRef)).invoices).toEqual([{ date: "2026-05-01", lines: ["fee 29 2026-04-01..2026-04-30", "usage 5.5 2026-04-01..2026-04-30"] }]);
    const retired = await life.odoo.call<Array<Record<string, any>>>("sale.order", "read", { ids: [regretOrder!.id], fields: ["subscription_state", "invoice_ids", "client_order_ref"] });
    expect(retired[0]).toMatchObject({ subscription_state: "6_churn", invoice_ids: [] });
    expect(retired[0]!.client_order_ref).toMatch(/^nexa:rolled-back:/);
    expect(await ordersOf(regret.sub.orderRef)).toEqual([]);
    expect(await life.db.auditLog.findFirst({ where: { entityId: regret.sub.serviceId, action: "service.roll_back_cutover" } })).toMatchObject({ actorId: operator, after: expect.objectContaining({ billingMode: "shadow" }) });
  }, 120_000);

  it("refuses a rollback once Odoo has invoiced the service", async () => {
    await expect(rollBackCutover({ db: life.db, odoo: () => life.odoo, serviceCode: pilot.code, confirmation: pilot.code, now: at("2026-05-03") }))
      .rejects.toMatchObject({ code: "not_allowed", message: expect.stringContaining("Odoo has already invoiced this service") });
    expect((await life.db.service.findUniqueOrThrow({ where: { id: pilot.sub.serviceId } })).billingMode).toBe("live");
  });
});
