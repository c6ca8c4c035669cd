/**
 * `POST /json/2/<model>/<method>` — addons/web/controllers/json2.py (19.0).
 *
 * Order of checks, as in Odoo: dispatcher compatibility (application/json) → bearer auth
 * (odoo/addons/base/models/ir_http.py _auth_method_bearer) → body parsing
 * (Json2RpcDispatcher.dispatch) → web_json_2_rpc: non-POST 405, unknown model 404,
 * get_public_method 404/403, `ids` on an @api.model method 422, signature bind 422, call.
 * The body holds named arguments only, plus `ids` and `context`.
 */
import {
  asOdooException, badRequest, methodNotAllowed, notFound, unauthorized,
} from "./errors";
import { executeModelCall } from "./execute";
import { htmlReply, json2ErrorReply, jsonReply, type Reply } from "./reply";
import type { SimState } from "./state";

export interface Json2Request {
  httpMethod: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  model: string;
  method: string;
}

const header = (h: Json2Request["headers"], name: string) => {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

export function handleJson2(sim: SimState, req: Json2Request): { reply: Reply; error?: string } {
  const mimetype = (header(req.headers, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mimetype !== "application/json") {
    // odoo/http.py _set_request_dispatcher: incompatible request type → BadRequest, rendered
    // by the default (HTML) dispatcher since the JSON-2 one is not selected yet.
    return {
      reply: htmlReply(400, "<!doctype html>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n" +
        "<p>Request inferred type is compatible with ['http'] but '/json/2/rpc' was expected.</p>\n"),
      error: "werkzeug.exceptions.BadRequest",
    };
  }
  try {
    return { reply: jsonReply(200, dispatch(sim, req)) };
  } catch (err) {
    const exc = asOdooException(err);
    return { reply: json2ErrorReply(exc), error: exc.pyName };
  }
}

function dispatch(sim: SimState, req: Json2Request): unknown {
  const db = header(req.headers, "x-odoo-database");
  // Approximation: a database the server does not host is reported as NotFound.
  if (db !== undefined && db !== sim.database) throw notFound(`database '${db}' not found`);

  const auth = header(req.headers, "authorization");
  const m = auth ? /^bearer\s+(.+)$/i.exec(auth) : null;
  if (!m) throw unauthorized("User not authenticated, use an API Key with a Bearer Authorization header.");
  if (m[1] !== sim.apiKey) throw unauthorized("Invalid apikey");

  let params: Record<string, unknown> = {};
  if (req.body.length) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(req.body);
    } catch (e) {
      throw badRequest(`could not parse the body as json: ${(e as Error).message}`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw badRequest("could not parse the body, expecting a json object");
    params = parsed as Record<string, unknown>;
  }
  if (req.httpMethod !== "POST") throw methodNotAllowed();

  const { ids = [], context = {}, ...kwargs } = params;
  return executeModelCall(sim, {
    model: req.model,
    method: req.method,
    ids: Array.isArray(ids) ? (ids as number[]) : [ids as number],
    positional: [],
    kwargs,
    context: (context ?? {}) as Record<string, unknown>,
    protocol: "json2",
  });
}
