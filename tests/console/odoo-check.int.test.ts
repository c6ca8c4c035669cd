import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReadinessReport } from "~/server/odoo-check/assess-readiness";
import { createUser } from "~/server/users/create-user";
import { CONSOLE_TEST_PASSWORD, consoleClient, signInOverHttp, trpcCode } from "../support/console-session";
import { uniqueCode } from "../support/fixtures";
import { type IsolatedStack, startIsolatedStack } from "../support/isolated-stack";

/*
 * The Odoo readiness check from the console (admins only) against the simulator, after
 * the hub pushed one subscription there: everything the hub relies on passes, it never
 * writes, and what an Odoo admin then breaks is named.
 */
const now = new Date();
const previousMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const READ_ONLY = new Set(["version", "context_get", "read", "search_read", "fields_get", "has_access"]);

let stack: IsolatedStack;
const signIn = async (role: "admin" | "ops") => {
  const email = `${uniqueCode(role)}@nexa.test`;
  await createUser({ db: stack.db, email, password: CONSOLE_TEST_PASSWORD, role });
  return consoleClient(stack.app.baseUrl, await signInOverHttp(stack.app.baseUrl, email, CONSOLE_TEST_PASSWORD));
};
const statusOf = (report: ReadinessReport) => Object.fromEntries(report.items.map((item) => [item.name, item.status]));

beforeAll(async () => {
  stack = await startIsolatedStack();
  const { api } = await stack.service(uniqueCode("cloud"));
  const metric = await api.post("/billable_metrics", { billable_metric: { name: "Calls", code: uniqueCode("calls"), aggregation_type: "count_agg" } });
  const planCode = uniqueCode("plan");
  await api.post("/plans", {
    plan: { name: "Cloud", code: planCode, interval: "monthly", amount_cents: 2900, amount_currency: "CAD", charges: [{ billable_metric_id: metric.body.billable_metric.lago_id, charge_model: "standard", properties: { amount: "1" } }] },
  });
  await api.post("/subscriptions", { subscription: { external_customer_id: uniqueCode("cust"), plan_code: planCode, external_id: uniqueCode("sub"), subscription_at: previousMonth.toISOString() } });
  expect((await stack.cron("/api/cron/usage-push")).status).toBe(200);
});
afterAll(() => stack?.stop());

describe("Odoo readiness check in the console", () => {
  it("passes what the hub relies on, warns about what Odoo lacks but the hub can do without, and never writes", async () => {
    const admin = await signIn("admin");
    const before = stack.odoo.requests().length;
    const report = await admin.odooCheck.run.query();
    const calls = stack.odoo.requests().slice(before);
    expect(calls.length).toBeGreaterThan(20);
    // Model calls are all reads (common.version, over /jsonrpc, names no model).
    expect(calls.filter((call) => call.model !== undefined && !READ_ONLY.has(call.method!))).toEqual([]);
    expect(report.items.filter((item) => item.status === "fail")).toEqual([]);
    expect(report.items.filter((item) => item.status === "warn").map((item) => item.name)).toEqual(["payment_stripe", "base_automation", "Webhook rules"]);
    expect(report).toMatchObject({ ready: true, url: stack.odoo.url });
    expect(statusOf(report)).toMatchObject({
      "Version": "pass", "API key": "pass", "sale_subscription": "pass", "write sale.order.line": "pass", "sale.order": "pass", "CAD": "pass",
      "My Company": "pass", "Partners (1 mapped)": "pass", "Products (2 mapped)": "pass", "Recurring plans (1 mapped)": "pass", "Orders (1 mapped)": "pass",
    });
    expect(report.items.find((item) => item.name === "CAD")!.detail).toMatch(/^active, pricelist Nexa Billing Hub CAD \(used by plan /);
  });

  it("names what an Odoo admin broke: a refused right, a renamed product, a closed currency", async () => {
    const admin = await signIn("admin");
    stack.odoo.setAccess("sale.order.line", "write", false);
    const state = stack.odoo.state;
    const fee = [...state.data.tables.get("product.product")!.values()].find((p) => String(p.default_code).startsWith("nexa-plan-"))!;
    fee.default_code = "renamed-by-hand";
    [...state.data.tables.get("res.currency")!.values()].find((c) => c.name === "CAD")!.active = false;
    const report = await admin.odooCheck.run.query();
    expect(report.ready).toBe(false);
    expect(report.items.filter((item) => item.status === "fail").map((item) => item.name)).toEqual(["write sale.order.line", "CAD", "Products (2 mapped)"]);
    expect(report.items.find((item) => item.name === "Products (2 mapped)")!.detail).toMatch(/fee: product #\d+ has reference renamed-by-hand, not nexa-plan-/);
  });

  it("is for admins only", async () => {
    expect(await trpcCode((await signIn("ops")).odooCheck.run.query())).toBe("FORBIDDEN");
  });
});
