import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOdooClient, type OdooClient } from "~/server/odoo";
import { uniqueCode } from "../support/fixtures";
import { type IsolatedStack, STACK_ODOO_ADMIN_KEY, STACK_ODOO_API_KEY, startIsolatedStack } from "../support/isolated-stack";

/*
 * A plan is invoiced in its own currency: the Odoo order gets a pricelist in it. The
 * simulator's Odoo is a fresh database (USD company, every other currency inactive, as
 * a real one): a CAD plan is a dead job saying what to fix, never a USD invoice.
 */
const now = new Date();
const previousMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

let stack: IsolatedStack;
let hub: OdooClient;
let admin: OdooClient;

beforeAll(async () => {
  stack = await startIsolatedStack({ odooActiveCurrencies: [] });
  const client = (apiKey: string) => createOdooClient({ baseUrl: stack.odoo.url, apiKey, protocol: "json2", maxRetries: 0 });
  hub = client(STACK_ODOO_API_KEY);
  admin = client(STACK_ODOO_ADMIN_KEY);
});
afterAll(() => stack?.stop());

async function subscribe(currency: string) {
  const code = uniqueCode("svc");
  const { api } = await stack.service(code);
  const metricCode = uniqueCode("calls");
  const planCode = uniqueCode("plan");
  const metric = await api.post("/billable_metrics", { billable_metric: { name: "Calls", code: metricCode, aggregation_type: "count_agg" } });
  expect(metric.status).toBe(200);
  const plan = await api.post("/plans", {
    plan: {
      name: `Plan in ${currency}`, code: planCode, interval: "monthly", amount_cents: 2900, amount_currency: currency,
      charges: [{ billable_metric_id: metric.body.billable_metric.lago_id, charge_model: "standard", properties: { amount: "1" } }],
    },
  });
  expect(plan.status).toBe(200);
  const externalId = uniqueCode("sub");
  await api.post("/subscriptions", { subscription: { external_customer_id: uniqueCode("cust"), plan_code: planCode, external_id: externalId, subscription_at: previousMonth.toISOString() } });
  await api.post("/events", { event: { transaction_id: `${externalId}-1`, external_subscription_id: externalId, code: metricCode, timestamp: Math.floor(previousMonth.getTime() / 1000) + 3600 } });
  const subscription = await stack.db.subscription.findFirstOrThrow({ where: { externalId } });
  return { orderRef: `nexa:${code}:${externalId}`, subscriptionId: subscription.id, planCode };
}

const jobsOf = (subscriptionId: string) => stack.db.job.findMany({ where: { subscriptionId } });
const ordersFor = (orderRef: string) =>
  hub.call<Array<{ id: number; currency_id: [number, string]; pricelist_id: [number, string] | false }>>("sale.order", "search_read", {
    domain: [["client_order_ref", "=", orderRef]], fields: ["currency_id", "pricelist_id"],
  });

describe("plan currency on Odoo orders", () => {
  it("refuses a currency Odoo has inactive with a dead job, then bills in it once an Odoo admin activates it", async () => {
    const sub = await subscribe("CAD");
    const run = await stack.cron("/api/cron/usage-push");
    expect(run.status).toBe(200);
    const outcome = run.body.planning.find((o: { subscription: string }) => sub.orderRef.endsWith(o.subscription.split("/")[1]!));
    expect(outcome).toMatchObject({ decision: "dead", jobsCreated: 1, detail: expect.stringMatching(/^Currency CAD is not active in Odoo/) });
    const [dead] = await jobsOf(sub.subscriptionId);
    // The first period: the one the order Odoo lacks would invoice first.
    expect(dead).toMatchObject({ state: "dead", periodStart: previousMonth, periodEnd: thisMonth, odooOrderId: null, lastError: expect.stringContaining("activate it (Accounting > Configuration > Currencies)") });
    // Nothing was half-made in Odoo, and no order silently fell back to the company's USD.
    expect(await ordersFor(sub.orderRef)).toEqual([]);
    expect(await hub.call("product.pricelist", "search_count", { domain: [] })).toBe(0);
    // A second run leaves the dead job as it is.
    await stack.cron("/api/cron/usage-push");
    expect(await jobsOf(sub.subscriptionId)).toMatchObject([{ id: dead!.id, state: "dead", attempts: 1 }]);

    // The hub's own Odoo user may not activate it (as on a real server); an administrator does.
    const [cad] = await hub.call<Array<{ id: number }>>("res.currency", "search_read", { domain: [["name", "=", "CAD"]], fields: ["id"], context: { active_test: false } });
    await expect(hub.call("res.currency", "write", { ids: [cad!.id], vals: { active: true } })).rejects.toMatchObject({ kind: "access", status: 403 });
    await admin.call("res.currency", "write", { ids: [cad!.id], vals: { active: true } });

    // Ops retries the job (what the Jobs screen's Retry does): the order is created in CAD.
    await stack.db.job.update({ where: { id: dead!.id }, data: { state: "pending", nextRunAt: new Date() } });
    const retried = await stack.cron("/api/cron/usage-push");
    expect(retried.body.jobs).toEqual(expect.arrayContaining([expect.objectContaining({ jobId: dead!.id, outcome: "written" })]));
    const [order] = await ordersFor(sub.orderRef);
    expect(order).toMatchObject({ currency_id: [cad!.id, "CAD"], pricelist_id: [expect.any(Number), "Nexa Billing Hub CAD (CAD)"] });
    // Odoo's invoice of the period is in CAD.
    const invoicing = await fetch(`${stack.odoo.url}/__sim/run_invoicing`, { method: "POST", body: JSON.stringify({ today: thisMonth.toISOString().slice(0, 10) }) });
    const moveId = (await invoicing.json()).invoiced.find((i: { order_id: number }) => i.order_id === order!.id).move_id;
    expect(await hub.call("account.move", "read", { ids: [moveId], fields: ["currency_id", "state"] })).toEqual([{ id: moveId, currency_id: [cad!.id, "CAD"], state: "posted" }]);
  });

  it("refuses a currency Odoo does not know at all", async () => {
    const sub = await subscribe("SEK");
    const run = await stack.cron("/api/cron/usage-push");
    expect(run.body.planning).toEqual(expect.arrayContaining([expect.objectContaining({ decision: "dead", detail: "Odoo has no currency SEK: it cannot invoice a plan priced in SEK" })]));
    expect(await jobsOf(sub.subscriptionId)).toMatchObject([{ state: "dead", lastError: "Odoo has no currency SEK: it cannot invoice a plan priced in SEK" }]);
    expect(await ordersFor(sub.orderRef)).toEqual([]);
  });
});
