import { describe, expect, it } from "vitest";
import { HUB_CALLS, HUB_FIELDS } from "~/server/odoo/hub-surface";
import { assessReadiness, type CheckItem } from "./assess-readiness";
import { formatReadinessReport } from "./format-readiness-report";
import type { DescribedField, OdooFacts } from "./readiness-facts";

/** An Odoo 19 Enterprise instance set up exactly as the hub needs, with one mapped subscription. */
function readyFacts(): OdooFacts {
  const fields: OdooFacts["fields"] = {};
  for (const f of HUB_FIELDS) fields[f.model] = { ...fields[f.model], [f.name]: { type: f.type, relation: f.relation, readonly: !f.writes } satisfies DescribedField };
  return {
    url: "https://odoo.example.com", database: "prod",
    identity: { ok: true, uid: 7, login: "nexa-hub-bot", name: "Nexa Billing Hub", groups: ["Accounting / Invoicing", "Sales / User: Own Documents Only"] },
    version: { ok: true, serverVersion: "19.0+e", major: 19 },
    modules: { account: true, sale_management: true, sale_subscription: true, payment_stripe: true, base_automation: true },
    access: HUB_CALLS.map((call) => ({ call, allowed: true })),
    fields,
    currencies: [{ code: "CAD", plans: ["cloud"], odoo: { active: true }, pricelists: ["Nexa Billing Hub CAD"] }],
    companies: [{ name: "Nexa Systems", currency: "CAD", portalConfirmationPay: false, prepaymentPercent: 1 }],
    mappings: {
      partners: [{ label: "customer Acme", partnerId: 11, odoo: { active: true } }],
      products: [{ label: "plan cloud fee", productId: 21, expectedCode: "nexa-plan-cloud", expectedPolicy: "delivery", odoo: { defaultCode: "nexa-plan-cloud", invoicePolicy: "delivery", active: true } }],
      plans: [{ label: "plan cloud", planId: 3, expected: { value: 1, unit: "month" }, odoo: { value: 1, unit: "month" } }],
      orders: [{
        label: "subscription cloud/acme-1", orderId: 41, expected: { ref: "nexa:cloud:acme-1", partnerId: 11, currency: "CAD", planId: 3 },
        odoo: { ref: "nexa:cloud:acme-1", partnerId: 11, currency: "CAD", planId: 3, state: "sale" },
      }],
    },
    automation: {
      installed: true, readable: true,
      rules: [
        { name: "Payments to hub", model: "account.move", active: true, trigger: "on_write", fields: ["payment_state"], webhookUrls: ["https://hub.example.com/api/odoo/webhook/secret-token-0123456789"] },
        { name: "Churn to hub", model: "sale.order", active: true, trigger: "on_write", fields: ["subscription_state"], webhookUrls: ["https://hub.example.com/api/odoo/webhook/secret-token-0123456789"] },
      ],
    },
    webhook: { publicUrl: "https://hub.example.com", secret: "secret-token-0123456789" },
  };
}

const itemOf = (facts: OdooFacts, name: string): CheckItem => {
  const item = assessReadiness(facts).items.find((candidate) => candidate.name === name);
  if (!item) throw new Error(`no item ${name}: ${assessReadiness(facts).items.map((i) => i.name).join(", ")}`);
  return item;
};
const failing = (facts: OdooFacts) => assessReadiness(facts).items.filter((item) => item.status === "fail").map((item) => item.name);
const warned = (facts: OdooFacts) => assessReadiness(facts).items.filter((item) => item.status === "warn").map((item) => item.name);

describe("assessReadiness", () => {
  it("passes an instance set up as the hub needs", () => {
    const report = assessReadiness(readyFacts());
    expect(report.items.filter((item) => item.status !== "pass")).toEqual([]);
    expect(report).toMatchObject({ ready: true, counts: { warn: 0, fail: 0 } });
    expect(report.items.map((item) => item.section)).toEqual(expect.arrayContaining(["Odoo", "Modules", "Access", "Fields", "Currencies", "Company", "Mappings", "Automation"]));
  });

  it("fails Community on sale_subscription alone, and leaves what depends on it unchecked", () => {
    const facts = readyFacts();
    facts.modules = { ...facts.modules, sale_subscription: false, payment_stripe: false, base_automation: false };
    facts.automation = { installed: false };
    facts.mappings.plans = null;
    for (const model of ["sale.subscription.plan"]) facts.fields[model] = null;
    for (const f of HUB_FIELDS.filter((candidate) => candidate.needs === "sale_subscription" && candidate.model !== "sale.subscription.plan")) delete facts.fields[f.model]![f.name];
    facts.access = facts.access.map((a) => (a.call.model === "sale.subscription.plan" ? { ...a, allowed: null } : a));
    const report = assessReadiness(facts);
    expect(failing(facts)).toEqual(["sale_subscription"]);
    expect(report.ready).toBe(false);
    expect(itemOf(facts, "sale_subscription").detail).toMatch(/^not installed: Enterprise Subscriptions/);
    expect(warned(facts)).toEqual([
      "payment_stripe", "base_automation", "read sale.subscription.plan", "create sale.subscription.plan", "product.product", "sale.subscription.plan", "sale.order",
      "account.move.line", "Recurring plans", "Webhook rules",
    ]);
    expect(itemOf(facts, "sale.order").detail).toMatch(/plan_id, is_subscription, subscription_state, start_date, next_invoice_date, end_date, payment_token_id, close_reason_id not checked: sale_subscription is not installed$/);
    expect(itemOf(facts, "read sale.subscription.plan").detail).toBe("not checked: sale_subscription is not installed");
  });

  it("stops at a refused API key", () => {
    const facts = { ...readyFacts(), identity: { ok: false as const, error: "Odoo refused the API key: Invalid apikey" } };
    expect(assessReadiness(facts).items).toEqual([
      { section: "Odoo", name: "Version", status: "pass", detail: "19.0+e" },
      { section: "Odoo", name: "API key", status: "fail", detail: "Odoo refused the API key: Invalid apikey" },
    ]);
  });

  it.each([
    [{ ok: true as const, serverVersion: "18.0", major: 18 }, "fail", "18.0: the hub needs Odoo 19 (JSON-2 API, subscriptions on sale.order)"],
    [{ ok: true as const, serverVersion: "saas~19.2", major: 19 }, "pass", "saas~19.2"],
    [{ ok: true as const, serverVersion: "20.0", major: 20 }, "warn", "20.0: the hub is built and tested against 19.0"],
    [{ ok: false as const, error: "HTTP 404" }, "warn", "unknown (HTTP 404)"],
  ])("judges version %o", (version, status, detail) => {
    expect(itemOf({ ...readyFacts(), version }, "Version")).toMatchObject({ status, detail });
  });

  it("names each call the key's user would be refused", () => {
    const facts = readyFacts();
    facts.access = facts.access.map((a) => (a.call.model === "sale.order.line" && a.call.operation === "write" ? { ...a, allowed: false } : a));
    expect(failing(facts)).toEqual(["write sale.order.line"]);
    expect(itemOf(facts, "write sale.order.line").detail).toBe("refused to the key's user: the hub could not write each period's usage and plan fees");
  });

  it("fails a missing field, a field of another type or relation, and a read-only field the hub writes", () => {
    const facts = readyFacts();
    delete facts.fields["sale.order.line"]!.qty_delivered;
    facts.fields["sale.order.line"]!.price_unit = { type: "monetary", readonly: false };
    facts.fields["sale.order"]!.partner_id = { type: "many2one", relation: "res.users", readonly: false };
    facts.fields["res.partner"]!.ref = { type: "char", readonly: true };
    expect(itemOf(facts, "sale.order.line")).toMatchObject({ status: "fail", detail: "qty_delivered is missing; price_unit is a monetary, the hub expects a float" });
    expect(itemOf(facts, "sale.order").detail).toBe("partner_id points to res.users, the hub expects res.partner");
    expect(itemOf(facts, "res.partner").detail).toBe("ref is read-only, the hub writes it");
    facts.fields["account.move"] = null;
    expect(itemOf(facts, "account.move")).toMatchObject({ status: "fail", detail: "the model does not exist" });
  });

  it("checks every plan currency: known, active, with a pricelist or the right to create one", () => {
    const currencies = (odoo: { active: boolean } | null, pricelists: string[] = [], canCreate = true) => {
      const facts = readyFacts();
      facts.currencies = [{ code: "EUR", plans: ["eu-basic", "eu-pro"], odoo, pricelists }];
      if (!canCreate) facts.access = facts.access.map((a) => (a.call.model === "product.pricelist" && a.call.operation === "create" ? { ...a, allowed: false } : a));
      return itemOf(facts, "EUR");
    };
    expect(currencies(null)).toMatchObject({ status: "fail", detail: "Odoo has no currency EUR (used by plans eu-basic; eu-pro)" });
    expect(currencies({ active: false })).toMatchObject({ status: "fail", detail: expect.stringMatching(/^EUR is inactive in Odoo, which refuses to post invoices in it: activate it/) });
    expect(currencies({ active: true }, ["Europe"])).toMatchObject({ status: "pass", detail: "active, pricelist Europe (used by plans eu-basic; eu-pro)" });
    expect(currencies({ active: true })).toMatchObject({ status: "pass", detail: expect.stringMatching(/the hub creates the pricelist "Nexa Billing Hub EUR" with the first order/) });
    expect(currencies({ active: true }, [], false).status).toBe("fail");
    expect(itemOf({ ...readyFacts(), currencies: [] }, "Plan currencies")).toMatchObject({ status: "pass", detail: "no plans yet" });
  });

  it("warns when the company takes payments online (Odoo then waits for a saved card)", () => {
    const facts = readyFacts();
    facts.companies = [{ name: "Nexa Systems", currency: "CAD", portalConfirmationPay: true, prepaymentPercent: 0.5 }];
    expect(itemOf(facts, "Nexa Systems")).toMatchObject({ status: "warn", detail: expect.stringMatching(/^online payment on, prepayment 50 %, currency CAD: new orders default to require_payment/) });
  });

  it("reports mapped records Odoo lost or changed", () => {
    const facts = readyFacts();
    facts.mappings.partners.push({ label: "customer Gone", partnerId: 12, odoo: null }, { label: "customer Old", partnerId: 13, odoo: { active: false } });
    facts.mappings.products.push(
      { label: "plan cloud charge calls", productId: 22, expectedCode: "nexa-charge-cloud-calls", expectedPolicy: "delivery", odoo: { defaultCode: "renamed", invoicePolicy: "delivery", active: true } },
      { label: "plan pre fee", productId: 23, expectedCode: "nexa-plan-pre", expectedPolicy: "order", odoo: { defaultCode: "nexa-plan-pre", invoicePolicy: "delivery", active: true } },
    );
    facts.mappings.plans!.push({ label: "plan yearly", planId: 4, expected: { value: 1, unit: "year" }, odoo: { value: 12, unit: "month" } });
    facts.mappings.orders[0]!.odoo = { ref: "other", partnerId: 99, currency: "USD", planId: 4, state: "cancel" };
    expect(itemOf(facts, "Partners (3 mapped)")).toMatchObject({ status: "fail", detail: "customer Gone: partner #12 is gone from Odoo" });
    expect(itemOf(facts, "Products (3 mapped)").detail).toBe(
      "plan cloud charge calls: product #22 has reference renamed, not nexa-charge-cloud-calls; plan pre fee: product #23 is invoiced on delivery quantities, the hub needs order",
    );
    expect(itemOf(facts, "Recurring plans (2 mapped)").detail).toBe("plan yearly: recurring plan #4 bills every 12 month, not 1 year");
    expect(itemOf(facts, "Orders (1 mapped)").detail.split("; ")).toEqual([
      "subscription cloud/acme-1: order #41 has customer reference other, not nexa:cloud:acme-1",
      "subscription cloud/acme-1: order #41 bills partner #99, the customer is mapped to #11",
      "subscription cloud/acme-1: order #41 is in USD, its plan bills in CAD",
      "subscription cloud/acme-1: order #41 has recurring plan #4, not #3",
      "subscription cloud/acme-1: order #41 is cancelled",
    ]);
    const archivedOnly = readyFacts();
    archivedOnly.mappings.partners = [{ label: "customer Old", partnerId: 13, odoo: { active: false } }];
    expect(itemOf(archivedOnly, "Partners (1 mapped)")).toMatchObject({ status: "warn", detail: "customer Old: partner #13 is archived" });
    archivedOnly.mappings.orders = [{ ...archivedOnly.mappings.orders[0]!, odoo: null }];
    expect(itemOf(archivedOnly, "Orders (1 mapped)").detail).toBe("subscription cloud/acme-1: order #41 is gone from Odoo");
  });

  it("finds the automation rules that call the hub's webhook, and the ones that cannot", () => {
    const facts = readyFacts();
    expect(itemOf(facts, "account.move payment_state")).toMatchObject({ status: "pass", detail: 'rule "Payments to hub" (on_write on payment_state)' });
    facts.webhook.secret = "rotated-secret-0123456789";
    expect(itemOf(facts, "account.move payment_state")).toMatchObject({ status: "fail", detail: expect.stringMatching(/without its current ODOO_WEBHOOK_SECRET/) });
    const stale = readyFacts();
    stale.automation = { installed: true, readable: true, rules: [{ name: "Invoices", model: "account.move", active: true, trigger: "on_write", fields: ["state"], webhookUrls: ["https://hub.example.com/api/odoo/webhook/secret-token-0123456789"] }] };
    expect(itemOf(stale, "account.move payment_state")).toMatchObject({ status: "warn", detail: 'rule "Invoices" calls the hub but not when payment_state changes (state)' });
    expect(itemOf(stale, "sale.order subscription_state")).toMatchObject({ status: "warn", detail: expect.stringMatching(/^no active rule on sale.order sends a webhook to https:\/\/hub.example.com\/api\/odoo\/webhook/) });
    expect(itemOf({ ...readyFacts(), automation: { installed: true, readable: false, error: "You are not allowed to access 'Automation Rule'" } }, "Webhook rules").status).toBe("warn");
    expect(itemOf({ ...readyFacts(), automation: { installed: false } }, "Webhook rules").detail).toMatch(/^base_automation is not installed: Odoo cannot call the hub/);
  });

  it("prints one line per item under its section, and the failures by name", () => {
    const facts = readyFacts();
    facts.currencies[0]!.odoo = { active: false };
    const text = formatReadinessReport(assessReadiness(facts));
    expect(text.split("\n")[0]).toBe("Odoo readiness: https://odoo.example.com (database prod)");
    expect(text).toMatch(/\nCurrencies\n {2}FAIL {2}CAD: CAD is inactive in Odoo/);
    expect(text).toMatch(/\nModules\n {2}PASS {2}account: installed/);
    expect(text.split("\n").at(-1)).toMatch(/^\d+ passed, 0 warnings, 1 failed \(CAD\)$/);
  });
});
