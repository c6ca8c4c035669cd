import { expect, it } from "vitest";
import { HUB_CALLS, HUB_FIELDS, type HubField, type Needs } from "~/server/odoo/hub-surface";
import { describeEachPeer } from "./support/peers";

/*
 * The fields and rights the hub relies on (server/odoo/hub-surface.ts), asked of each
 * peer with the hub's own key: a bot user with only the groups of ../shared/odoo19/README.md.
 */

function byModel(needs: Needs): Array<[string, HubField[]]> {
  const models = new Map<string, HubField[]>();
  for (const f of HUB_FIELDS.filter((candidate) => candidate.needs === needs)) models.set(f.model, [...(models.get(f.model) ?? []), f]);
  return [...models];
}

function expectFields(describeFields: Record<string, { type: string; relation?: string; readonly: boolean }>, fields: HubField[]) {
  const seen = Object.fromEntries(fields.map((f) => [f.name, describeFields[f.name] && { type: describeFields[f.name]!.type, relation: describeFields[f.name]!.relation, writable: !describeFields[f.name]!.readonly }]));
  const wanted = Object.fromEntries(fields.map((f) => [f.name, { type: f.type, relation: f.relation, writable: f.writes ? true : expect.any(Boolean) }]));
  expect(seen).toEqual(wanted);
}

/** What the real server answers `has_access` for the bot user beyond the hub's calls (those must all be true). */
const REFUSED = [
  ["res.currency", "write"], ["res.currency", "create"], ["res.company", "write"], ["sale.order", "unlink"], ["account.tax", "write"],
  ["payment.provider", "read"], ["ir.module.module", "read"], ["res.users", "write"],
  // A term Odoo lacks is for ops to create: findOrCreatePaymentTerm's create is refused to this user.
  ["account.payment.term", "create"], ["account.payment.term.line", "create"],
] as const;

describeEachPeer("the hub's Odoo surface", (peer) => {
  it("has every Community field the hub reads and writes, with the type it expects, writable where the hub writes", async () => {
    for (const [model, fields] of byModel("community")) {
      const answer = await peer().json2(model, "fields_get", { allfields: fields.map((f) => f.name), attributes: ["type", "relation", "readonly"] });
      expect(answer.status, model).toBe(200);
      expectFields(answer.json, fields);
    }
  });

  it("lets the hub's bot user make each of its calls, and refuses it what Odoo refuses", async () => {
    const access = async (model: string, operation: string) => (await peer().json2(model, "has_access", { operation })).json;
    for (const call of HUB_CALLS.filter((c) => c.needs === "community")) expect([call.model, call.operation, await access(call.model, call.operation)]).toEqual([call.model, call.operation, true]);
    for (const [model, operation] of REFUSED) expect([model, operation, await access(model, operation)]).toEqual([model, operation, false]);
    const [usd] = (await peer().json2("res.currency", "search", { domain: [["name", "=", "USD"]] })).json;
    const refused = await peer().json2("res.currency", "write", { ids: [usd], vals: { active: true } });
    expect({ status: refused.status, name: refused.json.name, message: refused.json.message }).toEqual({
      status: 403, name: "odoo.exceptions.AccessError",
      message: "You are not allowed to modify 'Currency' (res.currency) records.\n\nThis operation is allowed for the following groups:\n\t- Accounting/Administrator\n\t- Role / Administrator\n\nContact your administrator to request access if necessary.",
    });
    expect(await peer().client().call("res.currency", "write", { ids: [usd], vals: { active: true } }).catch((e: { kind: string }) => e.kind)).toBe("access");
  });

  it("names the hub's user and its groups, and the company's online payment setting", async () => {
    const context = (await peer().json2("res.users", "context_get", {})).json;
    expect(context).toMatchObject({ uid: peer().hub.uid, lang: "en_US" });
    const [user] = (await peer().json2("res.users", "read", { ids: [context.uid], fields: ["login", "group_ids"] })).json;
    expect(user.login).toBe(peer().hub.login);
    const groups = (await peer().json2("res.groups", "read", { ids: user.group_ids, fields: ["full_name"] })).json.map((g: { full_name: string }) => g.full_name);
    expect(groups.sort()).toEqual(["Accounting / Invoicing", "Contact / Creation", "Products / Create", "Role / User", "Sales / User: Own Documents Only"]);
    const company = (await peer().json2("res.company", "search_read", { domain: [], fields: ["currency_id", "portal_confirmation_pay", "prepayment_percent"], limit: 1 })).json;
    expect(company).toEqual([{ id: expect.any(Number), currency_id: [expect.any(Number), "USD"], portal_confirmation_pay: false, prepayment_percent: 1 }]);
  });

  it("tells installed modules apart by their models: no base_automation here, no Stripe provider", async () => {
    for (const model of ["account.move", "sale.order.template", "payment.provider"]) expect((await peer().json2(model, "fields_get", { allfields: ["id"], attributes: ["type"] })).status, model).toBe(200);
    expect((await peer().json2("base.automation", "fields_get", { allfields: ["id"] })).status).toBe(404);
    const code = (await peer().json2("payment.provider", "fields_get", { allfields: ["code"], attributes: ["selection"] })).json.code.selection;
    expect(code.map(([value]: [string]) => value)).not.toContain("stripe");
  });
});

describeEachPeer("the hub's Enterprise surface (sale_subscription)", (peer) => {
  it("has the subscription fields the hub reads and writes", async () => {
    for (const [model, fields] of byModel("sale_subscription")) {
      const answer = await peer().json2(model, "fields_get", { allfields: fields.map((f) => f.name), attributes: ["type", "relation", "readonly"] });
      expectFields(answer.json, fields);
    }
    for (const call of HUB_CALLS.filter((c) => c.needs === "sale_subscription")) expect((await peer().json2(call.model, "has_access", { operation: call.operation })).json).toBe(true);
  });
}, { needs: "subscriptions" });
