/**
 * `POST /json/2/<model>/<method>` — addons/web/controllers/json2.py (19.0).
 *
 * Order of checks, as in Odoo (odoo/http.py, addons/rpc/controllers/json2.py): the
 * X-Odoo-Database (unknown: 404 HTML) → routing (POST /json/2/<model>/<method>, anything
 * else under /json/2 is the public catch-all 404 "Did you mean POST …") → dispatcher
 * compatibility (not application/json: 415 HTML) → bearer auth
 * (ir_http._auth_method_bearer) → body parsing (Json2Dispatcher.dispatch: malformed
 * 400, non-object ignored) → web_json_2_rpc: unknown model 404, get_public_method
 * 404/403, `ids` on an @api.model method 422, signature bind 422, call.
 * The body holds named arguments only, plus `ids` and `context`.
 */
import { asOdooException, badRequest, notFound, unauthorized } from "./errors";
import { executeModelCall } from "./execute";
import { htmlReply, json2ErrorReply, jsonReply, type Reply } from "./reply";
import type { SimState } from "./state";

export interface Json2Request {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const header = (h: Json2Request["headers"], name: string) => {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

/** Matched by `/json/2/<model>/<method>` for POST; every other /json/2 request is the catch-all. */
export type Json2Route = { kind: "rpc"; model: string; method: string } | { kind: "catch_all" };

export function json2Route(httpMethod: string, path: string): Json2Route | null {
  if (path !== "/json/2" && !path.startsWith("/json/2/")) return null;
  const rpc = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(path);
  // werkzeug matches the POST-only rpc rule, else the catch-all (GET, PUT, ..., other paths).
  if (rpc && httpMethod === "POST") return { kind: "rpc", model: decodeURIComponent(rpc[1]!), method: decodeURIComponent(rpc[2]!) };
  return { kind: "catch_all" };
}

export function handleJson2(sim: SimState, req: Json2Request, route: Json2Route): { reply: Reply; error?: string } {
  // odoo/http.py: the database comes first (an unknown one has no routes but server-wide ones).
  const db = header(req.headers, "x-odoo-database");
  if (db !== undefined && db !== sim.database) {
    return {
      reply: htmlReply(404, "<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n" +
        "<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n"),
      error: "werkzeug.exceptions.NotFound",
    };
  }
  const mimetype = (header(req.headers, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mimetype !== "application/json") {
    // _set_request_dispatcher: UnsupportedMediaType rendered by werkzeug (HTML), with Accept.
    const routePath = route.kind === "rpc" ? "/json/2/<__model__>/<__method__>" : "/json/2";
    return {
      reply: htmlReply(415, "<!doctype html>\n<html lang=en>\n<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n" +
        `<p>Request inferred type is compatible with [&#39;http&#39;] but &#39;${routePath}&#39; is type=&#39;json2&#39;.</p>\n`, { Accept: "application/json" }),
      error: "werkzeug.exceptions.UnsupportedMediaType",
    };
  }
  try {
    return { reply: jsonReply(200, route.kind === "rpc" ? dispatch(sim, req, route) : catchAll(req)) };
  } catch (err) {
    const exc = asOdooException(err);
    return { reply: json2ErrorReply(exc), error: exc.pyName };
  }
}

/**
 * Json2Dispatcher.dispatch: `params = jsonrequest | args`, so a body that is not a JSON
 * object (an array, a string, null) raises TypeError there and is ignored.
 */
function parseParams(body: string): Record<string, unknown> {
  if (!body.length) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    throw badRequest(`could not parse the body as json: ${(e as Error).message}`);
  }
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** web_json_2_404 (auth public): every /json/2 request that is not POST /json/2/<model>/<method>. */
function catchAll(req: Json2Request): never {
  parseParams(req.body);
  throw notFound("Did you mean POST /json/2/<model>/<method>?");
}

function dispatch(sim: SimState, req: Json2Request, route: { model: string; method: string }): unknown {
  const auth = header(req.headers, "authorization");
  const m = auth ? /^bearer\s+(.+)$/i.exec(auth) : null;
  if (!m) throw unauthorized("User not authenticated, use an API Key with a Bearer Authorization header.");
  const restricted = m[1] === sim.apiKey;
  if (!restricted && m[1] !== sim.adminApiKey) throw unauthorized("Invalid apikey");

  const { ids = [], context = {}, ...kwargs } = parseParams(req.body);
  return executeModelCall(sim, {
    model: route.model,
    method: route.method,
    ids: Array.isArray(ids) ? (ids as number[]) : [ids as number],
    positional: [],
    kwargs,
    context: (context ?? {}) as Record<string, unknown>,
    protocol: "json2",
    restricted,
  });
}
