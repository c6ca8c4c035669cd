import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OdooSimulator, startOdooSimulator } from "./index";
import { API_KEY, post } from "./test-helpers";

let sim: OdooSimulator;
beforeAll(async () => {
  sim = await startOdooSimulator({ apiKey: API_KEY, database: "nexa", login: "bot" });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const rpc = (service: string, method: string, args: unknown[], id: unknown = 7) =>
  post(`${sim.url}/jsonrpc`, { jsonrpc: "2.0", method: "call", params: { service, method, args }, id });
const executeKw = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
  rpc("object", "execute_kw", ["nexa", sim.uid, API_KEY, model, method, args, kwargs]);

describe("legacy /jsonrpc", () => {
  it("common.version / authenticate", async () => {
    expect((await rpc("common", "version", [])).json.result.server_serie).toBe("19.0");
    expect((await rpc("common", "authenticate", ["nexa", "bot", API_KEY, {}])).json).toEqual({ jsonrpc: "2.0", id: 7, result: 2 });
    expect((await rpc("common", "authenticate", ["nexa", "bot", "wrong", {}])).json.result).toBe(false);
  });

  it("execute_kw round trip (create with a dict returns an id, with a list returns ids)", async () => {
    const one = await executeKw("res.partner", "create", [{ name: "Acme", ref: "C-1" }]);
    expect(one.status).toBe(200);
    expect(one.json).toEqual({ jsonrpc: "2.0", id: 7, result: 1 });
    expect((await executeKw("res.partner", "create", [[{ name: "B" }]])).json.result).toEqual([2]);
    expect((await executeKw("res.partner", "write", [[1], { email: "a@x.test" }])).json.result).toBe(true);
    const rows = await executeKw("res.partner", "search_read", [[["ref", "=", "C-1"]]], { fields: ["name", "email"] });
    expect(rows.json.result).toEqual([{ id: 1, name: "Acme", email: "a@x.test" }]);
    const read = await executeKw("res.partner", "read", [[2], ["name"]], { context: { lang: "en_US" } });
    expect(read.json.result).toEqual([{ id: 2, name: "B" }]);
  });

  it("errors come back in the JSON-RPC error envelope with HTTP 200", async () => {
    const denied = await rpc("object", "execute_kw", ["nexa", 2, "wrong-key", "res.partner", "search", [[]], {}]);
    expect(denied.status).toBe(200);
    expect(denied.json.jsonrpc).toBe("2.0");
    expect(denied.json.id).toBe(7);
    expect(denied.json.error.code).toBe(200);
    expect(denied.json.error.message).toBe("Odoo Server Error");
    expect(Object.keys(denied.json.error.data).sort()).toEqual(["arguments", "context", "debug", "message", "name"]);
    expect(denied.json.error.data.name).toBe("odoo.exceptions.AccessDenied");

    const model = await executeKw("res.nothing", "search", [[]]);
    expect(model.json.error.data).toMatchObject({ name: "odoo.exceptions.UserError", message: "Object res.nothing doesn't exist" });
    const missing = await executeKw("res.partner", "write", [[42], { name: "x" }]);
    expect(missing.json.error.data.name).toBe("odoo.exceptions.MissingError");
    const kw = await executeKw("res.partner", "search", [[]], { bogus: true });
    expect(kw.json.error.data).toMatchObject({ name: "builtins.TypeError", message: "BaseModel.search() got an unexpected keyword argument 'bogus'" });
  });
});
