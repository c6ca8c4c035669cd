import { expect, it } from "vitest";
import { isOdooError } from "~/server/odoo";
import { describeEachPeer, unique } from "./support/peers";

/*
 * Legacy /jsonrpc (execute_kw, deprecated in 19 and still served): HTTP 200 envelopes,
 * errors with code 0 and Odoo's exception in `data`, positional arguments.
 */

describeEachPeer("legacy /jsonrpc", (peer) => {
  const executeKw = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}, apiKey = peer().hub.apiKey) =>
    peer().jsonrpc("object", "execute_kw", [peer().database, peer().hub.uid, apiKey, model, method, args, kwargs]);

  it("reports the server version and authenticates the key's login", async () => {
    const version = await peer().jsonrpc("common", "version", []);
    expect(version.json.result).toMatchObject({ server_version: "19.0", server_serie: "19.0", protocol_version: 1 });
    const { database, hub } = peer();
    expect((await peer().jsonrpc("common", "authenticate", [database, hub.login, hub.apiKey, {}])).json.result).toBe(hub.uid);
    expect((await peer().jsonrpc("common", "authenticate", [database, hub.login, "wrong", {}])).json.result).toBe(false);
  });

  it("creates from a dict (an id) or a list (ids), reads, writes, and reads a missing id as nothing", async () => {
    const ref = unique("rpc");
    const one = await executeKw("res.partner", "create", [{ name: "RPC one", ref }]);
    expect(one.status).toBe(200);
    expect(one.json).toEqual({ jsonrpc: "2.0", id: 1, result: expect.any(Number) });
    const many = await executeKw("res.partner", "create", [[{ name: "RPC two" }]]);
    expect(many.json.result).toEqual([expect.any(Number)]);
    expect((await executeKw("res.partner", "write", [[one.json.result], { email: "rpc@example.com" }])).json.result).toBe(true);
    const rows = await executeKw("res.partner", "search_read", [[["ref", "=", ref]]], { fields: ["name", "email"] });
    expect(rows.json.result).toEqual([{ id: one.json.result, name: "RPC one", email: "rpc@example.com" }]);
    expect((await executeKw("res.partner", "read", [[99_999_999], ["name"]])).json.result).toEqual([]);
  });

  it("returns errors as HTTP 200 envelopes with code 0 and the exception's name", async () => {
    const envelope = async (answer: ReturnType<typeof executeKw>) => {
      const { status, json } = await answer;
      expect(status).toBe(200);
      expect(Object.keys(json.error.data).sort()).toEqual(["arguments", "context", "debug", "message", "name"]);
      return { code: json.error.code, message: json.error.message, name: json.error.data.name, text: json.error.data.message };
    };
    const error = (name: string, text: string | RegExp) => ({ code: 0, message: "Odoo Server Error", name, text: expect.stringMatching(text) });
    expect(await envelope(executeKw("res.partner", "search", [[]], {}, "wrong-key"))).toEqual(error("odoo.exceptions.AccessDenied", /^Access Denied$/));
    expect(await envelope(executeKw("no.such.model", "search", [[]]))).toEqual(error("odoo.exceptions.UserError", /^Object no\.such\.model doesn't exist$/));
    expect(await envelope(executeKw("res.partner", "no_method", [[]]))).toEqual(error("builtins.AttributeError", /^The method 'res\.partner\.no_method' does not exist$/));
    expect(await envelope(executeKw("res.partner", "_search", [[]]))).toEqual(error("odoo.exceptions.AccessError", /^Private methods/));
    expect(await envelope(executeKw("res.partner", "write", [[99_999_999], { name: "x" }]))).toEqual(error("odoo.exceptions.MissingError", /^Record does not exist/));
    expect(await envelope(executeKw("res.partner", "search", [[]], { nokw: 1 }))).toEqual(
      error("builtins.TypeError", /^BaseModel\.search\(\) got an unexpected keyword argument 'nokw'$/),
    );
    expect(await envelope(executeKw("res.partner", "create", [{ no_such_field: 1 }]))).toEqual(error("builtins.ValueError", /^Invalid field 'no_such_field' in 'res\.partner'$/));
  });

  it("answers malformed JSON with HTTP 400", async () => {
    const response = await fetch(`${peer().url}/jsonrpc`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{bad" });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Invalid JSON data/);
  });

  it("gives the hub's client the same records and error classes as JSON-2", async () => {
    const rpc = peer().client({ protocol: "jsonrpc" });
    const json2 = peer().client();
    const ref = unique("both");
    const [id] = await json2.call<number[]>("res.partner", "create", { vals_list: [{ name: "Both protocols", ref }] });
    const fields = ["name", "ref", "is_company"];
    expect(await rpc.call("res.partner", "read", { ids: [id!], fields })).toEqual(await json2.call("res.partner", "read", { ids: [id!], fields }));
    const missing = await rpc.call("res.partner", "write", { ids: [99_999_999], vals: { name: "x" } }).catch((e: unknown) => e);
    expect(isOdooError(missing) && { kind: missing.kind, retryable: missing.retryable }).toEqual({ kind: "missing", retryable: false });
  });
});
