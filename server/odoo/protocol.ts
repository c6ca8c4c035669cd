/**
 * The one place that knows the wire formats: request bodies for JSON-2 and legacy
 * JSON-RPC, and how responses (results and errors) are read back.
 *
 * JSON-2 (Odoo 19.0, addons/web/controllers/json2.py): POST /json/2/<model>/<method>,
 * `Authorization: bearer <key>`, optional `X-Odoo-Database`, body = named arguments +
 * `ids` + `context`. (Odoo's master branch later moves arguments under `args`/`kwargs`
 * keys and returns plain-string errors — if the target server moves to that form,
 * only this file changes.)
 * JSON-RPC: POST /jsonrpc {"jsonrpc":"2.0","method":"call","params":{"service":"object",
 * "method":"execute_kw","args":[db, uid, key, model, method, args, kwargs]}}; call_kw
 * takes record ids from args[0]; `create` gets its vals_list positionally.
 */
import { errorFromHttp, errorFromJsonRpc, OdooError, type OdooErrorData } from "./errors";

export type OdooProtocol = "json2" | "jsonrpc";

/** Named arguments of a model method, plus `ids` (record methods) and `context`. */
export type OdooNamedArgs = { ids?: readonly number[]; context?: Record<string, unknown> } & Record<string, unknown>;

export interface OdooEndpoint {
  protocol: OdooProtocol;
  baseUrl: string;
  apiKey: string;
  database?: string;
}

export interface OdooHttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** How the answer reads: service calls go to /jsonrpc whatever the endpoint's protocol. */
  protocol: OdooProtocol;
}

const trimSlash = (s: string) => s.replace(/\/+$/, "");

export function buildCallRequest(
  ep: OdooEndpoint,
  model: string,
  method: string,
  args: OdooNamedArgs,
  rpc: { uid: number; requestId: number } | null,
): OdooHttpRequest {
  if (ep.protocol === "json2") {
    const headers: Record<string, string> = {
      Authorization: `bearer ${ep.apiKey}`,
      "Content-Type": "application/json",
      Accept: "application/json",
    };
    if (ep.database) headers["X-Odoo-Database"] = ep.database;
    return {
      url: `${trimSlash(ep.baseUrl)}/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`,
      headers,
      body: JSON.stringify(args),
      protocol: "json2",
    };
  }
  if (!rpc) throw new Error("jsonrpc calls need a uid");
  const { ids, ...kwargs } = args;
  const positional: unknown[] = [];
  if (ids !== undefined) positional.push(ids);
  else if (method === "create" && "vals_list" in kwargs) {
    positional.push(kwargs.vals_list);
    delete kwargs.vals_list;
  }
  return buildServiceRequest(ep, "object", "execute_kw", [ep.database, rpc.uid, ep.apiKey, model, method, positional, kwargs], rpc.requestId);
}

export function buildServiceRequest(ep: OdooEndpoint, service: string, method: string, args: unknown[], requestId: number): OdooHttpRequest {
  return {
    url: `${trimSlash(ep.baseUrl)}/jsonrpc`,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", method: "call", params: { service, method, args }, id: requestId }),
    protocol: "jsonrpc",
  };
}

export type ParsedResponse = { ok: true; result: unknown } | { ok: false; error: OdooError };

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asErrorData(v: unknown): OdooErrorData | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as Record<string, unknown>;
  return typeof o.name === "string" && typeof o.message === "string" ? (o as unknown as OdooErrorData) : undefined;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function parseResponse(protocol: OdooProtocol, status: number, headers: Headers, text: string): ParsedResponse {
  const json = tryJson(text);
  if (status !== 200) {
    return { ok: false, error: errorFromHttp(status, text, asErrorData(json), parseRetryAfter(headers.get("retry-after"))) };
  }
  if (json === undefined) {
    return {
      ok: false,
      error: new OdooError({ kind: "protocol", retryable: false, message: "Odoo answered 200 with a body that is not JSON", odooName: null, status, body: text }),
    };
  }
  if (protocol === "json2") return { ok: true, result: json };
  const envelope = json as { result?: unknown; error?: { code?: number; message?: string; data?: unknown } };
  if (envelope.error) {
    return { ok: false, error: errorFromJsonRpc(status, text, { ...envelope.error, data: asErrorData(envelope.error.data) }) };
  }
  return { ok: true, result: envelope.result };
}
