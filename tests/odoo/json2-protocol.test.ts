import { expect, it } from "vitest";
import { isOdooError, type OdooErrorKind } from "~/server/odoo";
import { type Answer, describeEachPeer, unique } from "./support/peers";

/*
 * JSON-2 as Odoo 19.0 answers it (../shared/odoo19/real-answers.txt): statuses, error
 * bodies and what the hub's client makes of each error class.
 */

const expectOdooError = (answer: Answer, status: number, name: string, message?: string | RegExp) => {
  expect({ status: answer.status, name: answer.json?.name }).toEqual({ status, name });
  expect(Object.keys(answer.json).sort()).toEqual(["arguments", "context", "debug", "message", "name"]);
  expect(answer.json.debug).toMatch(/Traceback/);
  if (message !== undefined) expect(answer.json.message).toMatch(message);
};

/** The hub client's reading of a failed call. */
async function clientError(call: Promise<unknown>): Promise<{ kind: OdooErrorKind; retryable: boolean; odooName: string | null; status: number | null }> {
  const error = await call.then(() => null, (e: unknown) => e);
  if (!isOdooError(error)) throw new Error(`expected an OdooError, got ${String(error)}`);
  return { kind: error.kind, retryable: error.retryable, odooName: error.odooName, status: error.status };
}

describeEachPeer("JSON-2 protocol", (peer) => {
  it("refuses a bad key and a missing key with 401 and WWW-Authenticate", async () => {
    const bad = await peer().json2("res.partner", "search", { domain: [] }, { apiKey: "not-a-key" });
    expectOdooError(bad, 401, "werkzeug.exceptions.Unauthorized", /^Invalid apikey$/);
    expect(bad.json.arguments).toEqual(["Invalid apikey", 401]);
    expect(bad.headers.get("www-authenticate")).toMatch(/^bearer/i);
    const none = await peer().json2("res.partner", "search", { domain: [] }, { as: "nobody" });
    expectOdooError(none, 401, "werkzeug.exceptions.Unauthorized", "User not authenticated, use an API Key with a Bearer Authorization header.");
    const client = peer().client();
    expect(await clientError(peer().client({ apiKey: "not-a-key" }).call("res.partner", "search", { domain: [] }))).toEqual({
      kind: "auth", retryable: false, odooName: "werkzeug.exceptions.Unauthorized", status: 401,
    });
    expect(await client.call("res.partner", "search_count", { domain: [["id", "=", 0]] })).toBe(0);
  });

  it("answers every non-POST or malformed path with the catch-all 404, auth or not", async () => {
    const message = "Did you mean POST /json/2/<model>/<method>?";
    for (const httpMethod of ["GET", "PUT", "DELETE"]) {
      const answer = await peer().json2("res.partner", "search", {}, { httpMethod, as: "nobody" });
      expectOdooError(answer, 404, "werkzeug.exceptions.NotFound", message);
      expect(answer.json.arguments).toEqual([message, 404]);
    }
    for (const path of ["/json/2", "/json/2/res.partner", "/json/2/res.partner/search/extra"]) {
      expectOdooError(await peer().json2("", "", {}, { path }), 404, "werkzeug.exceptions.NotFound", message);
    }
  });

  it("404s an unknown model or method, 403s private and @api.private methods", async () => {
    expectOdooError(await peer().json2("no.such.model", "search", { domain: [] }), 404, "werkzeug.exceptions.NotFound", "the model 'no.such.model' does not exist");
    expectOdooError(await peer().json2("res.partner", "no_such_method", {}), 404, "werkzeug.exceptions.NotFound", "The method 'res.partner.no_such_method' does not exist");
    for (const method of ["_search", "search_fetch"]) {
      expectOdooError(await peer().json2("res.partner", method, { domain: [] }), 403, "odoo.exceptions.AccessError",
        `Private methods (such as 'res.partner.${method}') cannot be called remotely.`);
    }
    const client = peer().client();
    expect(await clientError(client.call("no.such.model", "search", { domain: [] }))).toMatchObject({ kind: "not_found", retryable: false });
    expect(await clientError(client.call("res.partner", "search_fetch", { domain: [] }))).toMatchObject({ kind: "access", retryable: false, status: 403 });
  });

  it("422s arguments that do not bind, 500s what fails inside the method", async () => {
    expectOdooError(await peer().json2("res.partner", "read", { ids: [1], no_such_argument: 1 }), 422,
      "werkzeug.exceptions.UnprocessableEntity", "got an unexpected keyword argument 'no_such_argument'");
    expectOdooError(await peer().json2("res.partner", "write", { ids: [1] }), 422, "werkzeug.exceptions.UnprocessableEntity", "missing a required argument: 'vals'");
    expectOdooError(await peer().json2("res.partner", "search", {}), 422, "werkzeug.exceptions.UnprocessableEntity", "missing a required argument: 'domain'");
    expectOdooError(await peer().json2("res.partner", "create", { ids: [1], vals_list: [{ name: "x" }] }), 422,
      "werkzeug.exceptions.UnprocessableEntity", "cannot call res.partner.create with ids");
    // search_read takes **read_kwargs: the argument binds, then read() refuses it.
    expectOdooError(await peer().json2("res.partner", "search_read", { domain: [], fields: ["name"], no_such_argument: 1 }), 500, "builtins.TypeError",
      /got an unexpected keyword argument 'no_such_argument'/);
    const client = peer().client();
    expect(await clientError(client.call("res.partner", "write", { ids: [1] }))).toMatchObject({ kind: "bad_arguments", retryable: false, status: 422 });
    expect(await clientError(client.call("res.partner", "search_read", { domain: [], fields: ["name"], no_such_argument: 1 }))).toMatchObject({
      kind: "server", retryable: false, status: 500,
    });
  });

  it("refuses unknown fields in create, write, read, domains and order (a misspelt field never passes)", async () => {
    expectOdooError(await peer().json2("res.partner", "create", { vals_list: [{ name: "x", no_such_field: 1 }] }), 500, "builtins.ValueError",
      "Invalid field 'no_such_field' in 'res.partner'");
    const [id] = (await peer().json2("res.partner", "create", { vals_list: [{ name: unique("field-check") }] })).json;
    expectOdooError(await peer().json2("res.partner", "write", { ids: [id], vals: { no_such_field: 1 } }), 500, "builtins.KeyError", "no_such_field");
    expectOdooError(await peer().json2("res.partner", "read", { ids: [id], fields: ["no_such_field"] }), 500, "builtins.ValueError",
      "Invalid field 'no_such_field' on 'res.partner'");
    expectOdooError(await peer().json2("res.partner", "search_read", { domain: [], fields: ["no_such_field"] }), 500, "builtins.ValueError",
      "Invalid field 'no_such_field' on 'res.partner'");
    expectOdooError(await peer().json2("res.partner", "search", { domain: [["no_such", "=", 1]] }), 500, "builtins.ValueError",
      "Invalid field res.partner.no_such in condition ('no_such', '=', 1)");
    expectOdooError(await peer().json2("res.partner", "search", { domain: [["id", "=", 0]], order: "no_such" }), 500, "builtins.ValueError",
      "Invalid field 'no_such' on model 'res.partner'");
    expect(await clientError(peer().client().call("res.partner", "create", { vals_list: [{ no_such_field: 1 }] }))).toMatchObject({ kind: "server", retryable: false });
  });

  it("reads a missing id as nothing, but 404s a write on it", async () => {
    const [id] = (await peer().json2("res.partner", "create", { vals_list: [{ name: unique("missing-check") }] })).json;
    const read = await peer().json2("res.partner", "read", { ids: [id, 99_999_999], fields: ["name"] });
    expect({ status: read.status, ids: read.json.map((row: { id: number }) => row.id) }).toEqual({ status: 200, ids: [id] });
    expect((await peer().json2("res.partner", "read", { ids: [99_999_999], fields: ["name"] })).json).toEqual([]);
    const write = await peer().json2("res.partner", "write", { ids: [99_999_999], vals: { name: "x" } });
    expectOdooError(write, 404, "odoo.exceptions.MissingError", /^Record does not exist or has been deleted\.\n\(Record: res\.partner\(99999999,\), User: \d+\)$/);
    expect(await clientError(peer().client().call("res.partner", "unlink", { ids: [99_999_999] }))).toMatchObject({ kind: "missing", retryable: false, status: 404 });
  });

  it("422s a missing required value as a ValidationError", async () => {
    const answer = await peer().json2("res.partner", "create", { vals_list: [{ email: "nameless@example.com" }] });
    expectOdooError(answer, 422, "odoo.exceptions.ValidationError", /^The operation cannot be completed: /);
    expect(await clientError(peer().client().call("res.partner", "create", { vals_list: [{ name: false }] }))).toMatchObject({ kind: "validation", retryable: false, status: 422 });
  });

  it("400s malformed JSON, ignores a body that is not an object", async () => {
    const malformed = await peer().json2("res.partner", "search", undefined, { rawBody: "{bad" });
    expectOdooError(malformed, 400, "werkzeug.exceptions.BadRequest", /^could not parse the body as json: /);
    // The ignored body leaves search_count without its domain, and write without vals.
    for (const rawBody of ["[1, 2]", '"text"', "null"]) {
      expectOdooError(await peer().json2("res.partner", "search_count", undefined, { rawBody }), 422, "werkzeug.exceptions.UnprocessableEntity",
        "missing a required argument: 'domain'");
    }
    const ignored = await peer().json2("res.partner", "fields_get", undefined, { rawBody: "[1, 2]" });
    expect(ignored.status).toBe(200);
    expect(ignored.json.name).toMatchObject({ type: "char", string: "Name" });
  });

  it("415s a body that is not application/json, with an HTML page", async () => {
    for (const contentType of ["text/plain", ""]) {
      const answer = await peer().json2("res.partner", "search", { domain: [] }, { headers: { "Content-Type": contentType } });
      expect(answer.status).toBe(415);
      expect(answer.json).toBeUndefined();
      expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
      expect(answer.text).toMatch(/Unsupported Media Type/);
    }
    const charset = await peer().json2("res.partner", "search_count", { domain: [["id", "=", 0]] }, { headers: { "Content-Type": "application/json; charset=utf-8" } });
    expect({ status: charset.status, json: charset.json }).toEqual({ status: 200, json: 0 });
  });

  it("404s an unknown X-Odoo-Database with an HTML page; the header may be left out", async () => {
    const unknown = await peer().json2("res.partner", "search", { domain: [] }, { headers: { "X-Odoo-Database": "no_such_database" } });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toBeUndefined();
    expect(unknown.text).toMatch(/Not Found/);
    const without = await peer().json2("res.partner", "search_count", { domain: [["id", "=", 0]] }, { headers: { "X-Odoo-Database": "" } });
    expect({ status: without.status, json: without.json }).toEqual({ status: 200, json: 0 });
  });

  it("creates from one dict or a list, writes nothing without ids, passes the context", async () => {
    const single = await peer().json2("res.partner", "create", { vals_list: { name: unique("single") } });
    expect(single.status).toBe(200);
    expect(single.json).toEqual([expect.any(Number)]);
    const many = await peer().json2("res.partner", "create", { vals_list: [{ name: unique("a") }, { name: unique("b") }] });
    expect(many.json).toEqual([expect.any(Number), expect.any(Number)]);
    expect((await peer().json2("res.partner", "write", { vals: { name: "nobody" } })).json).toBe(true);
    const [archived] = (await peer().json2("res.partner", "create", { vals_list: [{ name: unique("archived"), active: false }] })).json;
    const domain = [["id", "=", archived]];
    expect((await peer().json2("res.partner", "search", { domain })).json).toEqual([]);
    expect((await peer().json2("res.partner", "search", { domain, context: { active_test: false } })).json).toEqual([archived]);
  });
});
