import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OdooSimulator, startOdooSimulator } from "./index";
import { API_KEY, json2, post } from "./test-helpers";

let sim: OdooSimulator;
let call: ReturnType<typeof json2>;

beforeAll(async () => {
  sim = await startOdooSimulator({ apiKey: API_KEY, database: "nexa", today: "2025-01-01" });
  call = json2(sim.url);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset("2025-01-01"));

const expectOdooError = (json: any, name: string) => {
  expect(Object.keys(json).sort()).toEqual(["arguments", "context", "debug", "message", "name"]);
  expect(json.name).toBe(name);
  expect(json.context).toEqual({});
  expect(typeof json.debug).toBe("string");
};

describe("JSON-2 CRUD", () => {
  it("creates, reads, searches, writes and unlinks", async () => {
    const created = await call("res.partner", "create", { vals_list: [{ name: "Acme", ref: "C-1", is_company: true }, { name: "Bob" }] });
    expect(created.status).toBe(200);
    expect(created.headers.get("content-type")).toMatch(/^application\/json/);
    expect(created.json).toEqual([1, 2]);

    const read = await call("res.partner", "read", { ids: [1], fields: ["name", "ref", "email", "is_company", "active"] });
    expect(read.json).toEqual([{ id: 1, name: "Acme", ref: "C-1", email: false, is_company: true, active: true }]);

    expect((await call("res.partner", "write", { ids: [2], vals: { email: "bob@x.test" } })).json).toBe(true);
    const found = await call("res.partner", "search_read", { domain: [["email", "ilike", "X.TEST"]], fields: ["name"] });
    expect(found.json).toEqual([{ id: 2, name: "Bob" }]);
    expect((await call("res.partner", "search_count", { domain: [] })).json).toBe(2);

    expect((await call("res.partner", "unlink", { ids: [2] })).json).toBe(true);
    expect((await call("res.partner", "search", { domain: [] })).json).toEqual([1]);
  });

  it("reads many2one as [id, display_name] and handles one2many commands", async () => {
    const seed = sim.seed();
    const [order] = (await call("sale.order", "read", { ids: [seed.order_id], fields: ["partner_id", "plan_id", "is_subscription", "subscription_state", "order_line"] })).json;
    expect(order.partner_id).toEqual([seed.partner_id, "Acme Corp"]);
    expect(order.plan_id).toEqual([seed.plan_id, "Monthly"]);
    expect(order.is_subscription).toBe(true);
    expect(order.subscription_state).toBe("3_progress");
    expect(order.order_line).toEqual([seed.line_ids.fixed, seed.line_ids.usage]);

    const w = await call("sale.order", "write", {
      ids: [seed.order_id],
      vals: { order_line: [[1, seed.line_ids.fixed, { product_uom_qty: 3 }], [2, seed.line_ids.usage], [0, 0, { product_id: seed.product_ids.usage, name: "extra", qty_delivered: 5 }]] },
    });
    expect(w.status).toBe(200);
    const lines = (await call("sale.order.line", "search_read", { domain: [["order_id", "=", seed.order_id]], fields: ["product_uom_qty", "name", "qty_delivered"] })).json;
    expect(lines).toEqual([
      { id: seed.line_ids.fixed, product_uom_qty: 3, name: "[PLAT] Platform fee", qty_delivered: 0 },
      { id: 3, product_uom_qty: 1, name: "extra", qty_delivered: 5 },
    ]);
    await call("sale.order", "write", { ids: [seed.order_id], vals: { order_line: [[6, 0, [3]]] } });
    const remaining = (await call("sale.order.line", "search", { domain: [["order_id", "=", seed.order_id]] })).json;
    expect(remaining).toEqual([3]);
  });

  it("describes fields with fields_get", async () => {
    const r = await call("sale.order.line", "fields_get", { allfields: ["product_uom_id", "qty_delivered"], attributes: ["type", "relation"] });
    expect(r.json).toEqual({ product_uom_id: { type: "many2one", relation: "uom.uom" }, qty_delivered: { type: "float" } });
  });
});

// Protocol answers (statuses, error bodies) are held to the real server by tests/odoo/json2-protocol.test.ts.
describe("JSON-2 errors the simulator injects or models", () => {
  it("403 AccessError from an injected fault or a right the hub's bot user lacks", async () => {
    sim.setFault({ mode: "access_error", count: 1 });
    const denied = await call("sale.order", "search", { domain: [] });
    expect(denied.status).toBe(403);
    expectOdooError(denied.json, "odoo.exceptions.AccessError");
    expect((await call("sale.order", "search", { domain: [] })).status).toBe(200);

    const seed = sim.seed();
    const refused = await call("sale.order", "unlink", { ids: [seed.order_id] });
    expect(refused.status).toBe(403);
    expectOdooError(refused.json, "odoo.exceptions.AccessError");
    expect(refused.json.message).toMatch(/^You are not allowed to delete 'Sales Order' \(sale\.order\) records\./);
    sim.setAccess("res.partner", "create", false);
    expect((await call("res.partner", "create", { vals_list: [{ name: "x" }] })).status).toBe(403);
    expect((await call("res.partner", "has_access", { operation: "create" })).json).toBe(false);
  });

  it("500 psycopg2 SerializationFailure for an injected concurrency error; failed calls roll back", async () => {
    sim.setFault({ mode: "concurrency_error", count: 1 });
    const r = await call("res.partner", "create", { vals_list: [{ name: "x" }] });
    expect(r.status).toBe(500);
    expectOdooError(r.json, "psycopg2.errors.SerializationFailure");
    // second record invalid → the whole create is rolled back
    const partial = await call("res.partner", "create", { vals_list: [{ name: "ok" }, { email: "x" }] });
    expect(partial.status).toBe(422);
    expect((await call("res.partner", "search_count", { domain: [] })).json).toBe(0);
  });
});
