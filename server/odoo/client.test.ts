import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OdooSimulator, startOdooSimulator } from "~/odoo-sim";
import { createOdooClient, type OdooClientOptions } from "./client";
import { OdooError } from "./errors";

const API_KEY = "client-test-key";
let sim: OdooSimulator;

beforeAll(async () => {
  sim = await startOdooSimulator({ apiKey: API_KEY, database: "nexa", login: "bot" });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const client = (o: Partial<OdooClientOptions> = {}) =>
  createOdooClient({
    baseUrl: sim.url,
    apiKey: API_KEY,
    database: "nexa",
    protocol: "json2",
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...o,
  });

const apiRequests = () => sim.requests().filter((r) => r.protocol !== "other");

async function caught(p: Promise<unknown>): Promise<OdooError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(OdooError);
  return err as OdooError;
}

describe.each(["json2", "jsonrpc"] as const)("round trip over %s", (protocol) => {
  it("creates, writes and reads back", async () => {
    const c = client({ protocol, login: "bot" });
    const ids = await c.call<number[]>("res.partner", "create", { vals_list: [{ name: "Acme", ref: "C-1" }] });
    expect(ids).toEqual([1]);
    expect(await c.call("res.partner", "write", { ids, vals: { email: "a@acme.test" } })).toBe(true);
    const rows = await c.call("res.partner", "search_read", { domain: [["ref", "=", "C-1"]], fields: ["name", "email"] });
    expect(rows).toEqual([{ id: 1, name: "Acme", email: "a@acme.test" }]);
    expect(await c.uid()).toBe(protocol === "json2" ? null : 2);
  });

  it("surfaces Odoo errors with name, message, status and the raw body", async () => {
    const err = await caught(client({ protocol, login: "bot" }).call("res.partner", "write", { ids: [99], vals: { name: "x" } }));
    expect(err.kind).toBe("missing");
    expect(err.odooName).toBe("odoo.exceptions.MissingError");
    expect(err.message).toMatch(/^Record does not exist or has been deleted/);
    expect(err.status).toBe(protocol === "json2" ? 404 : 200);
    expect(JSON.parse(err.body)).toBeTypeOf("object");
    expect(err.model).toBe("res.partner");
    expect(err.attempts).toBe(1);
  });
});

describe("retries", () => {
  it.each([
    ["rate_limit", 429],
    ["unavailable", 503],
    ["down", 0],
    ["concurrency_error", 500],
  ] as const)("retries %s then succeeds", async (mode, status) => {
    sim.setFault({ mode, count: 2, retryAfterSeconds: 0 });
    const retries: number[] = [];
    const c = client({ onRetry: (i) => retries.push(i.attempt) });
    expect(await c.call("res.partner", "search", { domain: [] })).toEqual([]);
    expect(retries).toEqual([1, 2]);
    expect(apiRequests().map((r) => r.status)).toEqual([status, status, 200]);
  });

  it("honours Retry-After", async () => {
    sim.setFault({ mode: "rate_limit", count: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    await client().call("res.partner", "search", { domain: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("gives up after maxRetries with the last error", async () => {
    sim.setFault({ mode: "unavailable" });
    const err = await caught(client({ maxRetries: 2 }).call("res.partner", "search", { domain: [] }));
    expect(err).toMatchObject({ kind: "unavailable", status: 503, attempts: 3, odooName: null });
    expect(err.body).toMatch(/503 Service Temporarily Unavailable/);
    expect(apiRequests()).toHaveLength(3);
  });

  it.each(["json2", "jsonrpc"] as const)("does not retry an AccessError (%s): exactly one request", async (protocol) => {
    sim.setFault({ mode: "access_error" });
    const c = client({ protocol, uid: 2 });
    const err = await caught(c.call("sale.order", "search", { domain: [] }));
    expect(err).toMatchObject({ kind: "access", odooName: "odoo.exceptions.AccessError", retryable: false, attempts: 1 });
    expect(apiRequests()).toHaveLength(1);
  });

  it.each([
    ["bad key → 401", { apiKey: "nope" }, "res.partner", "search", { domain: [] }, "auth", 401],
    ["unknown model → 404", {}, "res.nope", "search", { domain: [] }, "not_found", 404],
    ["ids on create → 422", {}, "res.partner", "create", { ids: [1], vals_list: [] }, "bad_arguments", 422],
    ["validation → 422", {}, "res.partner", "create", { vals_list: [{}] }, "validation", 422],
  ] as const)("does not retry %s", async (_l, opts, model, method, args, kind, status) => {
    const err = await caught(client(opts).call(model, method, args));
    expect(err).toMatchObject({ kind, status, attempts: 1 });
    expect(apiRequests()).toHaveLength(1);
  });

  it("times out a slow answer, retries, then succeeds", async () => {
    sim.setFault({ mode: "slow", count: 1, delayMs: 2_000 });
    const c = client({ timeoutMs: 200 });
    const started = Date.now();
    expect(await c.call("res.partner", "search_count", { domain: [] })).toBe(0);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("reports a timeout when every attempt is slow", async () => {
    sim.setFault({ mode: "slow", delayMs: 2_000 });
    const err = await caught(client({ timeoutMs: 100, maxRetries: 1 }).call("res.partner", "search", { domain: [] }));
    expect(err).toMatchObject({ kind: "timeout", status: null, attempts: 2, retryable: true });
  });

  it("sends a non-idempotent call once with { retry: false }", async () => {
    sim.setFault({ mode: "down" });
    const err = await caught(client().call("res.partner", "create", { vals_list: [{ name: "x" }] }, { retry: false }));
    expect(err.kind).toBe("network");
    expect(apiRequests()).toHaveLength(1);
  });
});

describe("jsonrpc login", () => {
  it("authenticates once and reuses the uid", async () => {
    const c = client({ protocol: "jsonrpc", login: "bot" });
    await c.call("res.partner", "search", { domain: [] });
    await c.call("res.partner", "search", { domain: [] });
    expect(apiRequests().map((r) => r.method ?? "authenticate")).toEqual(["authenticate", "search", "search"]);
  });

  it("fails with kind auth on a wrong login", async () => {
    const err = await caught(client({ protocol: "jsonrpc", login: "someone" }).call("res.partner", "search", { domain: [] }));
    expect(err).toMatchObject({ kind: "auth", odooName: "odoo.exceptions.AccessDenied" });
  });
});
