/**
 * Turns what the readiness check read from Odoo into pass / warn / fail items. Pure: the
 * facts come in (gather-readiness-facts.ts), the report goes out. A fail is something the
 * hub cannot work around (it would be refused or bill wrongly); a warn works but needs a
 * look, or could not be checked because a module it depends on is missing (that module's
 * own item is the fail).
 */
import { HUB_FIELDS } from "~/server/odoo/hub-surface";
import { type CheckedModule, NEEDS_MODULE, type OdooFacts } from "./readiness-facts";

export type CheckStatus = "pass" | "warn" | "fail";
export const CHECK_SECTIONS = ["Odoo", "Modules", "Access", "Fields", "Currencies", "Company", "Mappings", "Automation"] as const;
export type CheckSection = (typeof CHECK_SECTIONS)[number];

export interface CheckItem {
  section: CheckSection;
  name: string;
  status: CheckStatus;
  detail: string;
}

export interface ReadinessReport {
  url: string;
  database: string | null;
  items: CheckItem[];
  counts: Record<CheckStatus, number>;
  /** True when no item failed (warnings allowed): the exit status of `npm run odoo:check`. */
  ready: boolean;
}

const MODULE_ROLE: Record<CheckedModule, { needed: "fail" | "warn"; why: string }> = {
  account: { needed: "fail", why: "invoices, taxes and payments" },
  sale_management: { needed: "fail", why: "sales orders" },
  sale_subscription: { needed: "fail", why: "Enterprise Subscriptions: recurring plans, next invoice dates and the recurring invoice run the hub pushes usage for" },
  payment_stripe: { needed: "warn", why: "card payments online (the hub does not call it; without it customers pay by other means)" },
  base_automation: { needed: "warn", why: "automation rules that tell the hub about payments and churn at once (the poller catches them later without it)" },
};

const MAX_LISTED = 8;
const list = (problems: string[]) =>
  problems.slice(0, MAX_LISTED).join("; ") + (problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : "");
const missingModule = (module: CheckedModule) => `not checked: ${module} is not installed`;

function odooItems(facts: OdooFacts): CheckItem[] {
  const version: CheckItem = !facts.version.ok
    ? { section: "Odoo", name: "Version", status: "warn", detail: `unknown (${facts.version.error})` }
    : facts.version.major === null || facts.version.major < 19
      ? { section: "Odoo", name: "Version", status: "fail", detail: `${facts.version.serverVersion}: the hub needs Odoo 19 (JSON-2 API, subscriptions on sale.order)` }
      : {
        section: "Odoo", name: "Version", status: facts.version.major === 19 ? "pass" : "warn",
        detail: facts.version.major === 19 ? facts.version.serverVersion : `${facts.version.serverVersion}: the hub is built and tested against 19.0`,
      };
  const identity: CheckItem = facts.identity.ok
    ? { section: "Odoo", name: "API key", status: "pass", detail: `user ${facts.identity.login} (#${facts.identity.uid}), groups: ${facts.identity.groups.join(", ") || "none"}` }
    : { section: "Odoo", name: "API key", status: "fail", detail: facts.identity.error };
  return [version, identity];
}

function moduleItems(facts: OdooFacts): CheckItem[] {
  return (Object.keys(MODULE_ROLE) as CheckedModule[]).map((module) => {
    const role = MODULE_ROLE[module];
    return facts.modules[module]
      ? { section: "Modules", name: module, status: "pass", detail: `installed (${role.why.split(":")[0]})` }
      : { section: "Modules", name: module, status: role.needed, detail: `not installed: ${role.why}` };
  });
}

function accessItems(facts: OdooFacts): CheckItem[] {
  return facts.access.map(({ call, allowed, error }) => {
    const name = `${call.operation} ${call.model}`;
    const module = NEEDS_MODULE[call.needs];
    if (allowed === null) return { section: "Access", name, status: "warn", detail: module && !facts.modules[module] ? missingModule(module) : `not checked: ${error ?? "model not found"}` };
    return allowed
      ? { section: "Access", name, status: "pass", detail: call.purpose }
      : { section: "Access", name, status: "fail", detail: `refused to the key's user: the hub could not ${call.purpose}` };
  });
}

function fieldItems(facts: OdooFacts): CheckItem[] {
  const models = [...new Set(HUB_FIELDS.map((f) => f.model))];
  return models.map((model) => {
    const described = facts.fields[model];
    const wanted = HUB_FIELDS.filter((f) => f.model === model && (!NEEDS_MODULE[f.needs] || facts.modules[NEEDS_MODULE[f.needs]!]));
    const skipped = HUB_FIELDS.filter((f) => f.model === model && !wanted.includes(f));
    if (described === null || described === undefined) {
      const module = HUB_FIELDS.find((f) => f.model === model)!.needs;
      const needed = NEEDS_MODULE[module];
      return { section: "Fields", name: model, status: needed && !facts.modules[needed] ? "warn" : "fail", detail: needed && !facts.modules[needed] ? missingModule(needed) : "the model does not exist" };
    }
    const problems = wanted.flatMap((f) => {
      const got = described[f.name];
      if (!got) return [`${f.name} is missing`];
      if (got.type !== f.type) return [`${f.name} is a ${got.type}, the hub expects a ${f.type}`];
      if (f.relation && got.relation !== f.relation) return [`${f.name} points to ${got.relation}, the hub expects ${f.relation}`];
      if (f.writes && got.readonly) return [`${f.name} is read-only, the hub writes it`];
      return [];
    });
    if (problems.length) return { section: "Fields", name: model, status: "fail", detail: list(problems) };
    const note = skipped.length ? `; ${skipped.map((f) => f.name).join(", ")} ${missingModule(NEEDS_MODULE[skipped[0]!.needs]!)}` : "";
    return { section: "Fields", name: model, status: skipped.length ? "warn" : "pass", detail: `${wanted.length} fields as the hub expects${note}` };
  });
}

function currencyItems(facts: OdooFacts): CheckItem[] {
  if (!facts.currencies.length) return [{ section: "Currencies", name: "Plan currencies", status: "pass", detail: "no plans yet" }];
  const canCreate = facts.access.some((a) => a.call.model === "product.pricelist" && a.call.operation === "create" && a.allowed);
  return facts.currencies.map(({ code, plans, odoo, pricelists }) => {
    const used = `used by ${plans.length === 1 ? "plan" : "plans"} ${list(plans)}`;
    if (!odoo) return { section: "Currencies", name: code, status: "fail", detail: `Odoo has no currency ${code} (${used})` };
    if (!odoo.active) return { section: "Currencies", name: code, status: "fail", detail: `${code} is inactive in Odoo, which refuses to post invoices in it: activate it (Accounting > Configuration > Currencies) (${used})` };
    if (pricelists.length) return { section: "Currencies", name: code, status: "pass", detail: `active, pricelist ${pricelists[0]} (${used})` };
    return canCreate
      ? { section: "Currencies", name: code, status: "pass", detail: `active; the hub creates the pricelist "Nexa Billing Hub ${code}" with the first order (${used})` }
      : { section: "Currencies", name: code, status: "fail", detail: `active, but Odoo has no ${code} pricelist and the key's user may not create one (${used})` };
  });
}

function companyItems(facts: OdooFacts): CheckItem[] {
  return facts.companies.map((company) => {
    const settings = `online payment ${company.portalConfirmationPay ? "on" : "off"}, prepayment ${Math.round(company.prepaymentPercent * 100)} %, currency ${company.currency ?? "none"}`;
    return company.portalConfirmationPay
      ? {
        section: "Company", name: company.name, status: "warn",
        detail: `${settings}: new orders default to require_payment, and Odoo's recurring run skips a subscription without a saved card (then closes it after auto_close_limit days)`,
      }
      : { section: "Company", name: company.name, status: "pass", detail: settings };
  });
}

function mappingItems(facts: OdooFacts): CheckItem[] {
  const { partners, products, plans, orders } = facts.mappings;
  const item = (name: string, count: number, problems: string[], warnings: string[] = []): CheckItem => ({
    section: "Mappings", name: `${name} (${count} mapped)`,
    status: problems.length ? "fail" : warnings.length ? "warn" : "pass",
    detail: problems.length ? list(problems) : warnings.length ? list(warnings) : count ? "all present and consistent" : "none yet",
  });
  const partnerProblems = partners.filter((p) => !p.odoo).map((p) => `${p.label}: partner #${p.partnerId} is gone from Odoo`);
  const partnerWarnings = partners.filter((p) => p.odoo && !p.odoo.active).map((p) => `${p.label}: partner #${p.partnerId} is archived`);
  const productProblems = products.flatMap((p) => {
    if (!p.odoo) return [`${p.label}: product #${p.productId} is gone from Odoo`];
    if (p.odoo.defaultCode !== p.expectedCode) return [`${p.label}: product #${p.productId} has reference ${p.odoo.defaultCode ?? "none"}, not ${p.expectedCode}`];
    if (p.odoo.invoicePolicy !== p.expectedPolicy) return [`${p.label}: product #${p.productId} is invoiced on ${p.odoo.invoicePolicy} quantities, the hub needs ${p.expectedPolicy}`];
    if (!p.odoo.active) return [`${p.label}: product #${p.productId} is archived`];
    return [];
  });
  const items = [item("Partners", partners.length, partnerProblems, partnerWarnings), item("Products", products.length, productProblems)];
  if (plans === null) items.push({ section: "Mappings", name: "Recurring plans", status: "warn", detail: missingModule("sale_subscription") });
  else {
    items.push(item("Recurring plans", plans.length, plans.flatMap((p) => {
      if (!p.odoo) return [`${p.label}: recurring plan #${p.planId} is gone from Odoo`];
      if (p.odoo.value !== p.expected.value || p.odoo.unit !== p.expected.unit) return [`${p.label}: recurring plan #${p.planId} bills every ${p.odoo.value} ${p.odoo.unit}, not ${p.expected.value} ${p.expected.unit}`];
      return [];
    })));
  }
  items.push(item("Orders", orders.length, orders.flatMap((o) => {
    if (!o.odoo) return [`${o.label}: order #${o.orderId} is gone from Odoo`];
    const found: string[] = [];
    if (o.odoo.ref !== o.expected.ref) found.push(`${o.label}: order #${o.orderId} has customer reference ${o.odoo.ref ?? "none"}, not ${o.expected.ref}`);
    if (o.expected.partnerId !== null && o.odoo.partnerId !== o.expected.partnerId) found.push(`${o.label}: order #${o.orderId} bills partner #${o.odoo.partnerId}, the customer is mapped to #${o.expected.partnerId}`);
    if (o.odoo.currency !== o.expected.currency) found.push(`${o.label}: order #${o.orderId} is in ${o.odoo.currency ?? "no currency"}, its plan bills in ${o.expected.currency}`);
    if (plans !== null && o.expected.planId !== null && o.odoo.planId !== o.expected.planId) found.push(`${o.label}: order #${o.orderId} has recurring plan #${o.odoo.planId ?? "none"}, not #${o.expected.planId}`);
    if (o.odoo.state === "cancel") found.push(`${o.label}: order #${o.orderId} is cancelled`);
    return found;
  })));
  return items;
}

const WATCHED = [
  { model: "account.move", field: "payment_state", what: "payments" },
  { model: "sale.order", field: "subscription_state", what: "subscription closes" },
] as const;

function automationItems(facts: OdooFacts): CheckItem[] {
  const { automation, webhook } = facts;
  if (!automation.installed) return [{ section: "Automation", name: "Webhook rules", status: "warn", detail: `base_automation is not installed: Odoo cannot call the hub; payments and churn reach it through the poller only (POST /api/cron/odoo-poll)` }];
  if (!automation.readable) return [{ section: "Automation", name: "Webhook rules", status: "warn", detail: `the key's user may not read automation rules (${automation.error}); check them in Odoo (Settings > Technical > Automation Rules)` }];
  const hubPath = "/api/odoo/webhook";
  const expected = webhook.publicUrl ? `${webhook.publicUrl.replace(/\/+$/, "")}${hubPath}` : null;
  return WATCHED.map(({ model, field, what }) => {
    const name = `${model} ${field}`;
    const rules = automation.rules.filter((r) => r.active && r.model === model);
    const calling = rules.filter((r) => r.webhookUrls.some((url) => (expected ? url.startsWith(expected) : url.includes(hubPath))));
    if (!calling.length) return { section: "Automation", name, status: "warn", detail: `no active rule on ${model} sends a webhook to ${expected ?? `the hub's ${hubPath}`}: the hub learns of ${what} from the poller only` };
    const urls = calling.flatMap((r) => r.webhookUrls);
    if (webhook.secret && !urls.some((url) => url.endsWith(`${hubPath}/${webhook.secret}`))) {
      return { section: "Automation", name, status: "fail", detail: `rule "${calling[0]!.name}" calls the hub without its current ODOO_WEBHOOK_SECRET: the hub refuses those calls (401)` };
    }
    const watching = calling.find((r) => r.fields.includes(field) || !r.fields.length);
    return watching
      ? { section: "Automation", name, status: "pass", detail: `rule "${watching.name}" (${watching.trigger}${watching.fields.length ? ` on ${watching.fields.join(", ")}` : ""})` }
      : { section: "Automation", name, status: "warn", detail: `rule "${calling[0]!.name}" calls the hub but not when ${field} changes (${calling[0]!.fields.join(", ")})` };
  });
}

export function assessReadiness(facts: OdooFacts): ReadinessReport {
  const items = facts.identity.ok
    ? [...odooItems(facts), ...moduleItems(facts), ...accessItems(facts), ...fieldItems(facts), ...currencyItems(facts), ...companyItems(facts), ...mappingItems(facts), ...automationItems(facts)]
    : odooItems(facts);
  const counts = { pass: 0, warn: 0, fail: 0 };
  for (const item of items) counts[item.status]++;
  return { url: facts.url, database: facts.database, items, counts, ready: counts.fail === 0 };
}
