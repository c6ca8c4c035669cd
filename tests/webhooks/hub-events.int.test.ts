import { Client } from "lago-javascript-client";
import type { LagoWebhookPayloads } from "lago-javascript-client";
import { afterEach, describe, expect, inject, it } from "vitest";
import { env } from "~/server/env";
import { drainWebhooks, recordLifecycleEvent, webhookSettings } from "~/server/webhooks";
import { createTestService, testDb, uniqueCode } from "../support/fixtures";
import { startReceiver } from "./webhook-fixtures";

const settings = webhookSettings(env());
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A service whose app listens for webhooks, driven through the official Lago client. */
async function appWithReceiver() {
  const db = await testDb();
  const { service, apiKey } = await createTestService("hub");
  const receiver = await startReceiver(service.webhookSecret);
  await db.service.update({ where: { id: service.id }, data: { webhookUrl: receiver.url } });
  cleanups.push(async () => {
    await db.webhookDelivery.updateMany({ where: { serviceId: service.id, state: "pending" }, data: { state: "dead" } });
    await receiver.close();
  });
  const lago = Client(apiKey, { baseUrl: `${inject("baseUrl")}/api/v1` });
  const planCode = uniqueCode("plan");
  await lago.plans.createPlan({ plan: { name: "Plan", code: planCode, interval: "monthly", amount_cents: 1000, amount_currency: "CAD", pay_in_advance: false } });
  const webhooks = async (now?: Date) => {
    await drainWebhooks({ db, settings, now });
    return receiver.payloads().map((p) => [p.webhook_type, p.customer?.external_id ?? p.subscription?.external_id]);
  };
  return { db, service, lago, planCode, receiver, webhooks };
}

describe("webhooks of the hub's own changes", () => {
  it("sends a shadow service's app none of them: its Lago announces the writes the hub forwards", async () => {
    const { db, service, lago, planCode, webhooks } = await appWithReceiver();
    // The connection is never called: the forwards stay queued.
    await db.service.update({ where: { id: service.id }, data: { billingMode: "shadow", lagoApiUrl: "https://lago.example.test/api/v1", lagoApiKeySealed: "v1.unused" } });
    await lago.customers.createCustomer({ customer: { external_id: "cust-s", name: "Shadowed", currency: "CAD" } });
    await lago.subscriptions.createSubscription({ subscription: { external_customer_id: "cust-s", plan_code: planCode, external_id: "sub-s" } });
    await lago.subscriptions.destroySubscription("sub-s");
    expect(await webhooks()).toEqual([]);
    expect(await db.lagoForward.count({ where: { serviceId: service.id } })).toBe(3);
    // Nothing is held back for a later switch to live either.
    await db.service.update({ where: { id: service.id }, data: { billingMode: "live" } });
    expect(await webhooks()).toEqual([]);
  });

  it("announces customer.created, subscription.started and, at once, subscription.terminated", async () => {
    const { db, service, lago, planCode, receiver, webhooks } = await appWithReceiver();
    await lago.customers.createCustomer({ customer: { external_id: "cust-1", name: "Initech", currency: "CAD" } });
    // An update of the same customer is no creation.
    await lago.customers.createCustomer({ customer: { external_id: "cust-1", name: "Initech Ltd" } });
    const { data } = await lago.subscriptions.createSubscription({ subscription: { external_customer_id: "cust-1", plan_code: planCode, external_id: "sub-1" } });
    // Customers created on the fly by a subscription are not announced, as in Lago.
    await lago.subscriptions.createSubscription({ subscription: { external_customer_id: "cust-otf", plan_code: planCode, external_id: "sub-otf" } });
    // One customer's webhooks arrive in order; different customers' in parallel.
    const first = await webhooks();
    expect(first.filter(([, subject]) => subject !== "sub-otf")).toEqual([["customer.created", "cust-1"], ["subscription.started", "sub-1"]]);
    expect(first).toContainEqual(["subscription.started", "sub-otf"]);
    expect(first).toHaveLength(3);

    const [created, started] = receiver.payloads().filter((p) => p.subscription?.external_id !== "sub-otf") as [
      LagoWebhookPayloads["customer.created"],
      LagoWebhookPayloads["subscription.started"],
    ];
    expect(created).toMatchObject({ object_type: "customer", organization_id: "nexa-billing-hub", customer: { external_id: "cust-1", currency: "CAD" } });
    expect(started).toMatchObject({
      object_type: "subscription",
      subscription: { lago_id: data.subscription.lago_id, status: "active", plan_code: planCode, customer: { external_id: "cust-1" }, plan: { code: planCode } },
    });
    expect(started.subscription.current_billing_period_ending_at).toMatch(/T23:59:59Z$/);

    await lago.subscriptions.destroySubscription("sub-1");
    expect((await webhooks()).slice(3)).toEqual([["subscription.terminated", "sub-1"]]);
    expect(receiver.payloads()[3]).toMatchObject({ subscription: { external_id: "sub-1", status: "terminated", terminated_at: expect.any(String) } });

    // A week later Odoo closes the order after its final invoice: the same end, not told twice.
    const odooOrderId = 1_500_000_000 + Math.floor(Math.random() * 500_000_000);
    await db.subscription.updateMany({ where: { serviceId: service.id, externalId: { in: ["sub-1", "sub-otf"] } }, data: { odooOrderId } });
    const event = await recordLifecycleEvent({
      db, settings, source: "poll", observedAt: new Date(),
      observation: { model: "sale.order", id: odooOrderId, state: "6_churn", partnerId: null, orderIds: [odooOrderId], order: { name: "S0001", endDate: null } },
    });
    expect(event?.kind).toBe("subscription_terminated");
    // Only sub-otf, which the app had not ended, hears of Odoo's closure.
    expect((await webhooks()).slice(4)).toEqual([["subscription.terminated", "sub-otf"]]);
  });

  it("announces a future subscription when it starts, and one reaching its ending_at when it ends", async () => {
    const { db, lago, planCode, webhooks } = await appWithReceiver();
    const startAt = new Date(Date.now() + 3_600_000);
    const endAt = new Date(Date.now() + 7_200_000);
    const { data } = await lago.subscriptions.createSubscription({
      subscription: { external_customer_id: "cust-2", plan_code: planCode, external_id: "sub-later", subscription_at: startAt.toISOString(), ending_at: endAt.toISOString() },
    });
    expect(data.subscription.status).toBe("pending");
    expect(await webhooks()).toEqual([]);

    expect(await webhooks(new Date(startAt.getTime() + 60_000))).toEqual([["subscription.started", "sub-later"]]);
    expect(await db.subscription.findFirstOrThrow({ where: { id: data.subscription.lago_id } })).toMatchObject({ status: "active", startedAt: startAt });
    expect(await webhooks(new Date(endAt.getTime() + 60_000))).toEqual([["subscription.started", "sub-later"], ["subscription.terminated", "sub-later"]]);
    expect(await db.subscription.findFirstOrThrow({ where: { id: data.subscription.lago_id } })).toMatchObject({ status: "terminated", terminatedAt: endAt });
    // Settling twice announces nothing more.
    expect(await webhooks(new Date(endAt.getTime() + 120_000))).toHaveLength(2);
  });
});
