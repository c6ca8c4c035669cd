/**
 * Reads what the readiness check judges, with read-only calls only (common.version,
 * context_get, has_access, fields_get, search_read, read) and the hub's own database.
 * Modules are told by their models rather than read from ir.module.module, which the
 * hub's bot user may not read.
 */
import type { DbOrTx } from "~/server/db/client";
import { odooPeriodOf, odooRhythmOf } from "~/server/usage-push/closing-period";
import { isOdooError, type OdooClient } from "~/server/odoo";
import { HUB_CALLS, HUB_FIELDS } from "~/server/odoo/hub-surface";
import type { AutomationRule, CheckedModule, DescribedField, MappingFacts, OdooFacts } from "./readiness-facts";

type Row = Record<string, unknown> & { id: number };
const m2o = (value: unknown): number | null => (Array.isArray(value) ? (value[0] as number) : typeof value === "number" ? value : null);
const m2oName = (value: unknown): string | null => (Array.isArray(value) ? String(value[1]) : null);
const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const message = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0]! : String(error));
const CHUNK = 500;

/** fields_get of a model, or null when Odoo has no such model (its module is not installed). */
async function describeFields(odoo: OdooClient, model: string, fields: string[], attributes = ["type", "relation", "readonly"]): Promise<Record<string, DescribedField & { selection?: Array<[string, string]> }> | null> {
  try {
    return await odoo.call(model, "fields_get", { allfields: fields, attributes });
  } catch (error) {
    if (isOdooError(error) && error.kind === "not_found") return null;
    throw error;
  }
}

/** search_read by ids in chunks, archived records included. */
async function readByIds(odoo: OdooClient, model: string, ids: number[], fields: string[]): Promise<Map<number, Row>> {
  const rows = new Map<number, Row>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const found = await odoo.call<Row[]>(model, "search_read", { domain: [["id", "in", unique.slice(i, i + CHUNK)]], fields, context: { active_test: false } });
    for (const row of found) rows.set(row.id, row);
  }
  return rows;
}

async function gatherModules(odoo: OdooClient): Promise<Record<CheckedModule, boolean>> {
  const present = async (model: string) => (await describeFields(odoo, model, ["id"], ["type"])) !== null;
  const provider = await describeFields(odoo, "payment.provider", ["code"], ["selection"]);
  return {
    account: await present("account.move"),
    sale_management: await present("sale.order.template"),
    sale_subscription: await present("sale.subscription.plan"),
    payment_stripe: (provider?.code?.selection ?? []).some(([code]) => code === "stripe"),
    base_automation: await present("base.automation"),
  };
}

async function gatherMappings(db: DbOrTx, odoo: OdooClient, subscriptions: boolean): Promise<MappingFacts> {
  const [customers, plans, orders] = await Promise.all([
    db.billingCustomer.findMany({ where: { odooPartnerId: { not: null } }, select: { id: true, name: true, odooPartnerId: true } }),
    db.plan.findMany({ select: { code: true, interval: true, payInAdvance: true, odooPlanId: true, odooProductId: true, charges: { select: { odooProductId: true, billableMetric: { select: { code: true } } } } } }),
    db.subscription.findMany({
      where: { odooOrderId: { not: null } },
      select: { externalId: true, odooOrderId: true, billingTime: true, service: { select: { code: true } }, plan: { select: { amountCurrency: true, interval: true, payInAdvance: true, odooPlanId: true } }, accountLink: { select: { billingCustomer: { select: { odooPartnerId: true } } } } },
    }),
  ]);
  const partners = await readByIds(odoo, "res.partner", customers.map((c) => c.odooPartnerId!), ["active"]);
  const productRefs = plans.flatMap((plan) => [
    ...(plan.odooProductId === null ? [] : [{ label: `plan ${plan.code} fee`, productId: plan.odooProductId, expectedCode: `nexa-plan-${plan.code}`, expectedPolicy: plan.payInAdvance ? "order" as const : "delivery" as const }]),
    ...plan.charges.filter((c) => c.odooProductId !== null).map((c) => ({
      label: `plan ${plan.code} charge ${c.billableMetric.code}`, productId: c.odooProductId!, expectedCode: `nexa-charge-${plan.code}-${c.billableMetric.code}`, expectedPolicy: "delivery" as const,
    })),
  ]);
  const products = await readByIds(odoo, "product.product", productRefs.map((p) => p.productId), ["default_code", "invoice_policy", "active"]);
  const mappedPlans = plans.filter((p) => p.odooPlanId !== null);
  const odooPlans = subscriptions ? await readByIds(odoo, "sale.subscription.plan", mappedPlans.map((p) => p.odooPlanId!), ["billing_period_value", "billing_period_unit"]) : null;
  const odooOrders = await readByIds(odoo, "sale.order", orders.map((o) => o.odooOrderId!), ["client_order_ref", "partner_id", "currency_id", "state", ...(subscriptions ? ["plan_id"] : [])]);
  return {
    partners: customers.map((c) => {
      const row = partners.get(c.odooPartnerId!);
      return { label: `customer ${c.name ?? c.id}`, partnerId: c.odooPartnerId!, odoo: row ? { active: row.active !== false } : null };
    }),
    products: productRefs.map((p) => {
      const row = products.get(p.productId);
      return { ...p, odoo: row ? { defaultCode: str(row.default_code), invoicePolicy: String(row.invoice_policy), active: row.active !== false } : null };
    }),
    plans: odooPlans && mappedPlans.map((p) => {
      const row = odooPlans.get(p.odooPlanId!);
      return {
        label: `plan ${p.code}`, planId: p.odooPlanId!, expected: odooPeriodOf(p.interval),
        odoo: row ? { value: Number(row.billing_period_value), unit: String(row.billing_period_unit) } : null,
      };
    }),
    orders: orders.map((o) => {
      const row = odooOrders.get(o.odooOrderId!);
      return {
        label: `subscription ${o.service.code}/${o.externalId}`, orderId: o.odooOrderId!,
        expected: { ref: `nexa:${o.service.code}:${o.externalId}`, partnerId: o.accountLink.billingCustomer.odooPartnerId, currency: o.plan.amountCurrency,
          // A calendar order Odoo aligns on the 1st runs on the billing_first_day plan, not the plan's own.
          planId: odooRhythmOf(o.plan, o.billingTime).firstDay ? null : o.plan.odooPlanId },
        odoo: row ? { ref: str(row.client_order_ref), partnerId: m2o(row.partner_id), currency: m2oName(row.currency_id), planId: subscriptions ? m2o(row.plan_id) : null, state: String(row.state) } : null,
      };
    }),
  };
}

async function gatherAutomation(odoo: OdooClient, installed: boolean): Promise<OdooFacts["automation"]> {
  if (!installed) return { installed: false };
  try {
    const rules = await odoo.call<Row[]>("base.automation", "search_read", { domain: [], fields: ["name", "model_name", "trigger", "trigger_field_ids", "action_server_ids", "active"], context: { active_test: false } });
    const actions = await readByIds(odoo, "ir.actions.server", rules.flatMap((r) => r.action_server_ids as number[]), ["state", "webhook_url"]);
    const fields = await readByIds(odoo, "ir.model.fields", rules.flatMap((r) => r.trigger_field_ids as number[]), ["name"]);
    return {
      installed: true, readable: true,
      rules: rules.map((r): AutomationRule => ({
        name: String(r.name), model: String(r.model_name), active: r.active !== false, trigger: String(r.trigger),
        fields: (r.trigger_field_ids as number[]).map((id) => String(fields.get(id)?.name ?? `#${id}`)),
        webhookUrls: (r.action_server_ids as number[]).map((id) => actions.get(id)).filter((a) => a?.state === "webhook").map((a) => String(a!.webhook_url ?? "")),
      })),
    };
  } catch (error) {
    if (isOdooError(error) && error.kind === "access") return { installed: true, readable: false, error: message(error) };
    throw error;
  }
}

export async function gatherReadinessFacts(options: {
  db: DbOrTx;
  odoo: OdooClient;
  url: string;
  database: string | null;
  webhook: OdooFacts["webhook"];
}): Promise<OdooFacts> {
  const { db, odoo } = options;
  const base = { url: options.url, database: options.database, webhook: options.webhook };
  const version = await odoo.version().then(
    (v): OdooFacts["version"] => ({ ok: true, serverVersion: v.server_version, major: Number.parseInt(v.server_version.replace(/^saas~/, ""), 10) || null }),
    (error: unknown): OdooFacts["version"] => ({ ok: false, error: message(error) }),
  );
  let identity: OdooFacts["identity"];
  try {
    const context = await odoo.call<{ uid: number }>("res.users", "context_get", {});
    const [user] = await odoo.call<Row[]>("res.users", "read", { ids: [context.uid], fields: ["login", "name", "group_ids"] });
    const groups = await odoo.call<Row[]>("res.groups", "read", { ids: (user?.group_ids as number[]) ?? [], fields: ["full_name"] });
    identity = { ok: true, uid: context.uid, login: String(user?.login), name: String(user?.name), groups: groups.map((g) => String(g.full_name)).sort() };
  } catch (error) {
    identity = { ok: false, error: `Odoo refused the API key: ${message(error)}` };
  }
  const empty: OdooFacts = {
    ...base, identity, version, access: [], fields: {}, currencies: [], companies: [], automation: { installed: false },
    modules: { account: false, sale_management: false, sale_subscription: false, payment_stripe: false, base_automation: false },
    mappings: { partners: [], products: [], plans: [], orders: [] },
  };
  if (!identity.ok) return empty;

  const modules = await gatherModules(odoo);
  const fields: OdooFacts["fields"] = {};
  for (const model of [...new Set(HUB_FIELDS.map((f) => f.model))]) fields[model] = await describeFields(odoo, model, HUB_FIELDS.filter((f) => f.model === model).map((f) => f.name));
  const access: OdooFacts["access"] = [];
  for (const call of HUB_CALLS) {
    if (fields[call.model] === null) access.push({ call, allowed: null });
    else access.push({ call, allowed: await odoo.call<boolean>(call.model, "has_access", { operation: call.operation }) });
  }

  const planCurrencies = await db.plan.findMany({ select: { code: true, amountCurrency: true }, orderBy: { code: "asc" } });
  const codes = [...new Set(planCurrencies.map((p) => p.amountCurrency))].sort();
  const currencyRows = codes.length ? await odoo.call<Row[]>("res.currency", "search_read", { domain: [["name", "in", codes]], fields: ["name", "active"], context: { active_test: false } }) : [];
  const pricelists = currencyRows.length
    ? await odoo.call<Row[]>("product.pricelist", "search_read", { domain: [["currency_id", "in", currencyRows.map((c) => c.id)]], fields: ["name", "currency_id"], order: "sequence, id" })
    : [];
  const currencies = codes.map((code) => {
    const row = currencyRows.find((c) => c.name === code);
    return {
      code, plans: planCurrencies.filter((p) => p.amountCurrency === code).map((p) => p.code),
      odoo: row ? { active: row.active !== false } : null,
      pricelists: row ? pricelists.filter((p) => m2o(p.currency_id) === row.id).map((p) => String(p.name)) : [],
    };
  });
  const companies = (await odoo.call<Row[]>("res.company", "search_read", { domain: [], fields: ["name", "currency_id", "portal_confirmation_pay", "prepayment_percent"] })).map((c) => ({
    name: String(c.name), currency: m2oName(c.currency_id), portalConfirmationPay: c.portal_confirmation_pay === true, prepaymentPercent: Number(c.prepayment_percent),
  }));
  return {
    ...base, identity, version, modules, access, fields, currencies, companies,
    mappings: await gatherMappings(db, odoo, modules.sale_subscription),
    automation: await gatherAutomation(odoo, modules.base_automation),
  };
}
