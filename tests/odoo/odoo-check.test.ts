import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "~/server/db/client";
import { createOdooClient, ensurePricelist, findOrCreatePartner, type OdooClient } from "~/server/odoo";
import type { ReadinessReport } from "~/server/odoo-check/assess-readiness";
import { createTestDatabase } from "../support/app-server";

/*
 * `npm run odoo:check` against the real Odoo 19 Community of this run, with the hub's bot
 * key and a hub database that maps one customer, plan and subscription onto records the
 * hub made there: everything passes but the Enterprise Subscriptions app, which it names,
 * and it changes nothing in Odoo.
 */
const peer = inject("odooPeers").community;
const MODELS_WATCHED = ["res.partner", "product.product", "product.pricelist", "sale.order", "sale.order.line", "account.move", "res.currency", "res.company", "res.users"];

function odooCheck(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Only what the CLI is given: no ODOO_* of the test process leaks in.
    const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH!, HOME: process.env.HOME ?? "/tmp", NODE_ENV: "test", ...env };
    execFile("npx", ["tsx", "scripts/odoo-check.ts", ...args], { env: childEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.skipIf(!peer)("npm run odoo:check against the real Odoo 19 Community", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  let closeDb: () => Promise<void>;
  let admin: OdooClient;
  const run = (extra: string[] = []) =>
    odooCheck(["--url", peer!.url, "--database", peer!.database, "--api-key", peer!.bot.apiKey, ...extra], { DATABASE_URL: database.url });

  /** Record count and latest write_date of each watched model, as an admin sees them. */
  const snapshot = async () => {
    const rows: Record<string, unknown> = {};
    for (const model of MODELS_WATCHED) {
      const count = await admin.call<number>(model, "search_count", { domain: [], context: { active_test: false } });
      const latest = await admin.call<Array<{ write_date: string }>>(model, "search_read", { domain: [], fields: ["write_date"], order: "write_date desc", limit: 1, context: { active_test: false } });
      rows[model] = [count, latest[0]?.write_date ?? null];
    }
    return rows;
  };

  beforeAll(async () => {
    database = await createTestDatabase("nexa_odoo_check");
    ({ db, close: closeDb } = await createDb(database.url, { poolSize: 2 }));
    admin = createOdooClient({ baseUrl: peer!.url, apiKey: peer!.apiKey, database: peer!.database, protocol: "json2", maxRetries: 0 });
    const hub = createOdooClient({ baseUrl: peer!.url, apiKey: peer!.bot.apiKey, database: peer!.database, protocol: "json2", maxRetries: 0 });
    const [cad] = await admin.call<number[]>("res.currency", "search", { domain: [["name", "=", "CAD"]], context: { active_test: false } });
    await admin.call("res.currency", "write", { ids: [cad!], vals: { active: true } });

    // What a push leaves behind, made the way the hub makes it (minus Enterprise's plan).
    const code = `chk${randomBytes(3).toString("hex")}`;
    const customer = await db.billingCustomer.create({ data: { name: "Check Customer" } });
    const { partner } = await findOrCreatePartner(hub, { ref: `nexa-customer-${customer.id}`, name: "Check Customer" });
    await db.billingCustomer.update({ where: { id: customer.id }, data: { odooPartnerId: partner.id } });
    const [feeId, chargeId] = await hub.call<number[]>("product.product", "create", {
      vals_list: [
        { default_code: `nexa-plan-${code}`, name: "Check plan", type: "service", invoice_policy: "delivery", list_price: 29 },
        { default_code: `nexa-charge-${code}-calls`, name: "Check plan: Calls", type: "service", invoice_policy: "delivery", list_price: 0 },
      ],
    });
    const pricelist = await ensurePricelist(hub, "CAD");
    const service = await db.service.create({ data: { code, name: "Check", apiKeyHash: randomBytes(16).toString("hex"), apiKeyPrefix: "nxb_chk", webhookSecret: "whsec_check" } });
    const [orderId] = await hub.call<number[]>("sale.order", "create", {
      vals_list: [{ partner_id: partner.id, client_order_ref: `nexa:${code}:acme-1`, pricelist_id: pricelist.id, order_line: [[0, 0, { product_id: feeId, name: "Check plan", product_uom_qty: 1, price_unit: 29 }]] }],
    });
    await hub.call("sale.order", "action_confirm", { ids: [orderId!] });
    const metric = await db.billableMetric.create({ data: { code: "calls", name: "Calls", aggregationType: "count_agg" } });
    const plan = await db.plan.create({ data: { code, name: "Check plan", interval: "monthly", amountCents: 2900n, amountCurrency: "CAD", odooProductId: feeId } });
    await db.charge.create({ data: { planId: plan.id, billableMetricId: metric.id, chargeModel: "standard", properties: { amount: "1" }, odooProductId: chargeId } });
    const link = await db.accountLink.create({ data: { serviceId: service.id, externalId: "acme-1", billingCustomerId: customer.id } });
    await db.subscription.create({
      data: { serviceId: service.id, externalId: "acme-1", accountLinkId: link.id, planId: plan.id, status: "active", billingTime: "calendar", subscriptionAt: new Date(), odooOrderId: orderId },
    });
  });
  afterAll(async () => {
    await closeDb?.();
    await database?.drop();
  });

  it("passes everything but the Enterprise Subscriptions app, which it names, and writes nothing", async () => {
    const before = await snapshot();
    const { code, stdout, stderr } = await run(["--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as ReadinessReport;
    expect(report.items.filter((item) => item.status === "fail")).toEqual([
      { section: "Modules", name: "sale_subscription", status: "fail", detail: expect.stringMatching(/^not installed: Enterprise Subscriptions/) },
    ]);
    const warned = report.items.filter((item) => item.status === "warn");
    expect(warned.map((item) => item.name)).toEqual([
      "payment_stripe", "base_automation", "read sale.subscription.plan", "create sale.subscription.plan", "product.product", "sale.subscription.plan", "sale.order",
      "account.move.line", "Recurring plans", "Webhook rules",
    ]);
    expect(warned.slice(2, -1).map((item) => item.detail.endsWith("sale_subscription is not installed"))).toEqual(Array(7).fill(true));
    const status = Object.fromEntries(report.items.map((item) => [item.name, item.status]));
    expect(status).toMatchObject({
      "Version": "pass", "API key": "pass", "account": "pass", "sale_management": "pass", "create sale.order": "pass", "write sale.order.line": "pass",
      "res.partner": "pass", "sale.order.line": "pass", "account.move": "pass", "CAD": "pass", "My Company": "pass",
      "Partners (1 mapped)": "pass", "Products (2 mapped)": "pass", "Orders (1 mapped)": "pass",
    });
    expect(report.items.find((item) => item.name === "API key")!.detail).toBe(
      `user ${peer!.bot.login} (#${peer!.bot.uid}), groups: Accounting / Invoicing, Contact / Creation, Products / Create, Role / User, Sales / User: Own Documents Only`,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("prints the report and names a plan currency Odoo has inactive and a mapped partner Odoo lost", async () => {
    await db.plan.create({ data: { code: `eu${randomBytes(3).toString("hex")}`, name: "EU plan", interval: "monthly", amountCents: 900n, amountCurrency: "EUR" } });
    await db.billingCustomer.create({ data: { name: "Gone", odooPartnerId: 99_999_999 } });
    const { code, stdout } = await run();
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Odoo readiness: http:\/\/127\.0\.0\.1:\d+ \(database nexa_odoo_\w+\)\n/);
    expect(stdout).toContain("\nCurrencies\n  PASS  CAD: active, pricelist Nexa Billing Hub CAD");
    expect(stdout).toContain("  FAIL  EUR: EUR is inactive in Odoo, which refuses to post invoices in it: activate it (Accounting > Configuration > Currencies)");
    expect(stdout).toContain("  FAIL  Partners (2 mapped): customer Gone: partner #99999999 is gone from Odoo");
    expect(stdout.trim().split("\n").at(-1)).toMatch(/^\d+ passed, 10 warnings, 3 failed \(sale_subscription, EUR, Partners \(2 mapped\)\)$/);
  });

  it("stops at a key Odoo refuses", async () => {
    const { code, stdout } = await odooCheck(["--url", peer!.url, "--database", peer!.database, "--api-key", "not-a-key", "--json"], { DATABASE_URL: database.url });
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as ReadinessReport).items).toEqual([
      { section: "Odoo", name: "Version", status: "pass", detail: "19.0" },
      { section: "Odoo", name: "API key", status: "fail", detail: "Odoo refused the API key: Invalid apikey" },
    ]);
  });
});
