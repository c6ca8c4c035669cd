import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOdooClient } from "~/server/odoo";
import { createService } from "~/server/services/create-service";
import { type RunningApp, startApp } from "../support/app-server";
import { apiClient, uniqueCode } from "../support/fixtures";
import { type IsolatedStack, STACK_CRON_SECRET, STACK_ODOO_API_KEY, startIsolatedStack } from "../support/isolated-stack";
import { startReceiver } from "../webhooks/webhook-fixtures";

/**
 * Two app processes side by side on one database, as two stateless instances behind a
 * load balancer, each used at once for ingestion (with every batch also retried on the
 * other), usage pushes to Odoo and webhook drains: every count comes out exact, no Odoo
 * order is created twice, no webhook is sent twice.
 */
const SUBSCRIPTIONS = 6;
const BATCHES = 4;
const PER_BATCH = 25;
const now = new Date();
const monthStart = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
const previousMonth = monthStart(-1);

let stack: IsolatedStack;
let twin: RunningApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  stack = await startIsolatedStack();
  twin = await startApp(stack.appEnv);
  receiver = await startReceiver("set below");
});
afterAll(async () => {
  await twin?.stop();
  await receiver?.close();
  await stack?.stop();
});

/**
 * Answers 503 + retry-after when its pool is exhausted (this test asks more at once than
 * the 10 connections of each instance serve on two loaded cores): a client retries then,
 * as any Lago client or scheduler does, and every write is idempotent.
 */
let unavailable = 0;
async function retrying<T extends { status: number }>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const answer = await send();
    if (answer.status !== 503 || attempt === 10) return answer;
    unavailable++;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

const cron = async (app: RunningApp, path: string) => {
  const response = await retrying(() => fetch(`${app.baseUrl}${path}`, { method: "POST", headers: { "x-cron-secret": STACK_CRON_SECRET } }));
  expect(response.status, `${path} on ${app.baseUrl}: ${await response.clone().text()}`).toBe(200);
  return response.json();
};

describe("two app processes on one database", () => {
  it("ingest, push and drain side by side with every count exact and nothing done twice", async () => {
    const code = uniqueCode("twin");
    const { service, apiKey } = await createService({ db: stack.db, code, name: "Twin", webhookUrl: receiver.url });
    receiver.control.secret = service.webhookSecret;
    const apps = [stack.app, twin];
    const apis = apps.map((app) => apiClient(apiKey, app.baseUrl));
    const api = (i: number) => apis[i % 2]!;

    const metricCode = uniqueCode("gb");
    const planCode = uniqueCode("plan");
    const metric = await api(0).post("/billable_metrics", { billable_metric: { name: "GB", code: metricCode, aggregation_type: "sum_agg", field_name: "units" } });
    expect(metric.status).toBe(200);
    expect((await api(1).post("/plans", {
      plan: { name: "Cloud", code: planCode, interval: "monthly", amount_cents: 2900, amount_currency: "CAD", charges: [{ billable_metric_id: metric.body.billable_metric.lago_id, charge_model: "standard", properties: { amount: "0.10" } }] },
    })).status).toBe(200);

    // Customers and subscriptions, alternating instances, all at once.
    const subscriptions = Array.from({ length: SUBSCRIPTIONS }, (_, i) => ({ customer: uniqueCode(`cust${i}`), id: uniqueCode(`sub${i}`) }));
    const created = await Promise.all(subscriptions.map(async (sub, i) => {
      const customer = await api(i).post("/customers", { customer: { external_id: sub.customer, name: `Customer ${i}`, currency: "CAD" } });
      const subscription = await api(i + 1).post("/subscriptions", { subscription: { external_customer_id: sub.customer, plan_code: planCode, external_id: sub.id, subscription_at: previousMonth.toISOString() } });
      return [customer.status, subscription.status];
    }));
    expect(created.flat().every((status) => status === 200), JSON.stringify(created)).toBe(true);

    // Last month's usage: every batch to one instance and, at the same moment, its retry to the other.
    const event = (sub: (typeof subscriptions)[number], batch: number, n: number, month: Date) => ({
      transaction_id: `${sub.id}-${month.getUTCMonth()}-${batch}-${n}`, external_subscription_id: sub.id, code: metricCode,
      timestamp: Math.floor(month.getTime() / 1000) + 60 * (1 + batch * PER_BATCH + n), properties: { units: String(n + 1) },
    });
    const ingest = (month: Date) =>
      Promise.all(subscriptions.flatMap((sub, s) => Array.from({ length: BATCHES }, async (_, b) => {
        const events = Array.from({ length: PER_BATCH }, (_, n) => event(sub, b, n, month));
        const [first, retry] = await Promise.all([0, 1].map((other) => retrying(() => api(s + b + other).post("/events/batch", { events }))));
        return [first!.status, retry!.status];
      })));
    expect((await ingest(previousMonth)).flat().every((status) => status === 200)).toBe(true);

    // This month's usage, both instances pushing last month to Odoo and draining webhooks, all at once.
    const [current, ...runs] = await Promise.all([
      ingest(monthStart(0)),
      ...apps.flatMap((app) => [cron(app, "/api/cron/usage-push"), cron(app, "/api/cron/usage-push"), cron(app, "/api/cron/webhooks"), cron(app, "/api/cron/webhooks")]),
    ]);
    expect(current.flat().every((status) => status === 200), JSON.stringify(current)).toBe(true);
    expect(runs).toHaveLength(8);
    for (let pass = 0; pass < 3; pass++) await Promise.all(apps.map((app) => cron(app, "/api/cron/webhooks")));

    // Every event stored once: 100 per subscription and month, whichever instance took it first.
    const subscriptionRows = await stack.db.subscription.findMany({ where: { serviceId: service.id } });
    expect(subscriptionRows).toHaveLength(SUBSCRIPTIONS);
    const perMonth = BATCHES * PER_BATCH;
    expect(await stack.db.usageEvent.count({ where: { serviceId: service.id } })).toBe(SUBSCRIPTIONS * perMonth * 2);
    const unitsPerMonth = BATCHES * ((PER_BATCH * (PER_BATCH + 1)) / 2); // 4 × (1 + … + 25) = 1300
    for (const [i, sub] of subscriptions.entries()) {
      const usage = await api(i).get(`/customers/${sub.customer}/current_usage?external_subscription_id=${sub.id}`);
      expect(usage.body.customer_usage.charges_usage[0].units).toBe(String(unitsPerMonth));
    }

    // One push job per subscription for last month, written with the exact amount; one Odoo order each.
    const jobs = await stack.db.job.findMany({ where: { kind: "usage_push", subscriptionId: { in: subscriptionRows.map((row) => row.id) } } });
    expect(jobs).toHaveLength(SUBSCRIPTIONS);
    for (const job of jobs) {
      expect(job).toMatchObject({ state: "awaiting_invoice", units: String(unitsPerMonth), amountCents: 13_000n, periodStart: previousMonth, leaseOwner: null });
    }
    const odoo = createOdooClient({ baseUrl: stack.odoo.url, apiKey: STACK_ODOO_API_KEY, protocol: "json2" });
    const orders = await odoo.call<Array<{ id: number }>>("sale.order", "search_read", { domain: [["client_order_ref", "=like", `nexa:${code}:%`]], fields: ["id"] });
    expect(orders).toHaveLength(SUBSCRIPTIONS);
    const orderCreates = stack.odoo.requests().filter((entry) => entry.model === "sale.order" && entry.method === "create" && entry.status === 200);
    expect(orderCreates).toHaveLength(SUBSCRIPTIONS);
    const lines = await odoo.call<Array<{ name: string; price_unit: number; qty_delivered: number }>>("sale.order.line", "search_read", {
      domain: [["order_id", "in", orders.map((order) => order.id)]], fields: ["name", "price_unit", "qty_delivered"],
    });
    const usageLines = lines.filter((line) => line.name.includes("usage ["));
    expect(usageLines.map((line) => [line.price_unit, line.qty_delivered])).toEqual(Array.from({ length: SUBSCRIPTIONS }, () => [130, 1]));

    // Webhooks: a customer.created and a subscription.started per customer, each sent once, with one attempt.
    const deliveries = await stack.db.webhookDelivery.findMany({ where: { serviceId: service.id } });
    expect(deliveries).toHaveLength(SUBSCRIPTIONS * 2);
    expect(deliveries.every((delivery) => delivery.state === "delivered"), JSON.stringify(deliveries.map((d) => d.state))).toBe(true);
    const keys = receiver.received.map((hit) => hit.uniqueKey);
    expect(keys).toHaveLength(SUBSCRIPTIONS * 2);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await stack.db.webhookAttempt.count({ where: { deliveryId: { in: deliveries.map((d) => d.id) } } })).toBe(SUBSCRIPTIONS * 2);
    console.info(`two instances: ${unavailable} answers were 503 (pool exhausted) and retried`);
    const types = receiver.payloads().map((payload) => payload.webhook_type).sort();
    expect(types).toEqual([...Array(SUBSCRIPTIONS).fill("customer.created"), ...Array(SUBSCRIPTIONS).fill("subscription.started")]);
  });
});
