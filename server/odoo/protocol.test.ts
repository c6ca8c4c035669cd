import { describe, expect, it } from "vitest";
import { buildCallRequest, parseResponse, parseRetryAfter } from "./protocol";
import { retryDelayMs, DEFAULT_RETRY } from "./retry";

const ep = { baseUrl: "https://erp.example.com/", apiKey: "KEY", database: "prod" };

describe("request bodies", () => {
  it("json2: named arguments, bearer key and database header", () => {
    const req = buildCallRequest({ ...ep, protocol: "json2" }, "sale.order.line", "write", { ids: [7], vals: { qty_delivered: 3 } }, null);
    expect(req.url).toBe("https://erp.example.com/json/2/sale.order.line/write");
    expect(req.headers).toMatchObject({ Authorization: "bearer KEY", "Content-Type": "application/json", "X-Odoo-Database": "prod" });
    expect(JSON.parse(req.body)).toEqual({ ids: [7], vals: { qty_delivered: 3 } });
  });

  it("jsonrpc: execute_kw with ids / vals_list positional and the rest as kwargs", () => {
    const w = buildCallRequest({ ...ep, protocol: "jsonrpc" }, "res.partner", "write", { ids: [7], vals: { name: "x" }, context: { lang: "en_US" } }, { uid: 2, requestId: 5 });
    expect(w.url).toBe("https://erp.example.com/jsonrpc");
    expect(JSON.parse(w.body)).toEqual({
      jsonrpc: "2.0", method: "call", id: 5,
      params: { service: "object", method: "execute_kw", args: ["prod", 2, "KEY", "res.partner", "write", [[7]], { vals: { name: "x" }, context: { lang: "en_US" } }] },
    });
    const c = buildCallRequest({ ...ep, protocol: "jsonrpc" }, "res.partner", "create", { vals_list: [{ name: "x" }] }, { uid: 2, requestId: 6 });
    expect(JSON.parse(c.body).params.args.slice(5)).toEqual([[[{ name: "x" }]], {}]);
  });
});

describe("responses", () => {
  const h = (o: Record<string, string> = {}) => new Headers(o);
  it("keeps the raw body and Odoo's name on errors", () => {
    const body = JSON.stringify({ name: "odoo.exceptions.AccessError", message: "no", arguments: ["no"], context: {}, debug: "tb" });
    const r = parseResponse("json2", 403, h(), body);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: "access", odooName: "odoo.exceptions.AccessError", status: 403, body, retryable: false });
  });

  it.each([
    [500, { name: "builtins.TypeError", message: "x" }, "server", false],
    [500, { name: "psycopg2.errors.SerializationFailure", message: "x" }, "concurrency", true],
    [500, undefined, "server", true],
    [502, undefined, "unavailable", true],
    [409, { name: "odoo.exceptions.LockError", message: "x" }, "conflict", false],
  ] as const)("HTTP %i %j → %s (retryable %s)", (status, data, kind, retryable) => {
    const r = parseResponse("json2", status, h(), data ? JSON.stringify(data) : "<html>oops</html>");
    if (r.ok) throw new Error("expected an error");
    expect(r.error).toMatchObject({ kind, retryable });
  });

  it("reads Retry-After as seconds or HTTP date", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("backoff", () => {
  it.each([
    [1, 0, undefined, 125],
    [1, 1, undefined, 250],
    [3, 0.5, undefined, 750],
    [10, 1, undefined, 8000],
    [1, 0, 2000, 2000],
    [1, 0, 120_000, null],
  ] as const)("retry %i, random %d, Retry-After %s → %s", (retry, random, retryAfter, expected) => {
    expect(retryDelayMs(retry, DEFAULT_RETRY, retryAfter, () => random)).toBe(expected);
  });
});
