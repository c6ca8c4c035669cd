/**
 * Legacy `POST /jsonrpc` (deprecated in 19, still served).
 *  - Envelope and errors: odoo/http.py JsonRPCDispatcher — results as
 *    {"jsonrpc":"2.0","id":..,"result":..}; errors (HTTP 200) as {"code":0,
 *    "message":"Odoo Server Error","data":serialize_exception(exc)} (code 0, as the real
 *    19.0 server answers), except NotFound → code 404 "404: Not Found".
 *  - dispatch_rpc: services 'common' | 'db' | 'object' (unknown → KeyError).
 *  - object: odoo/service/model.py dispatch → security.check(db, uid, password)
 *    (AccessDenied), execute / execute_kw → execute_cr (UserError "Object X doesn't
 *    exist") → get_public_method → odoo/api.py call_kw: record methods take ids from
 *    args[0], `context` is popped from kwargs; create returns an id when called with a
 *    single dict, a list of ids otherwise; recordsets are returned as ids.
 *  - common: version, login, authenticate (False on bad credentials).
 */
import { accessDenied, asOdooException, type OdooException, pythonError, serializeException } from "./errors";
import { executeModelCall } from "./execute";
import { BASE_METHODS } from "./methods";
import { htmlReply, jsonReply, type Reply } from "./reply";
import { ADMIN_LOGIN, ADMIN_UID, type SimState } from "./state";

export const SERVER_VERSION = {
  server_version: "19.0",
  server_version_info: [19, 0, 0, "final", 0, ""],
  server_serie: "19.0",
  protocol_version: 1,
};

export interface JsonRpcTarget {
  model?: string;
  method?: string;
}

/** Peeks at an execute_kw body to learn model/method (for fault filters and the log). */
export function jsonRpcTarget(body: string): JsonRpcTarget {
  try {
    const args = (JSON.parse(body) as { params?: { args?: unknown[] } }).params?.args;
    if (Array.isArray(args) && typeof args[3] === "string")
      return { model: args[3], method: typeof args[4] === "string" ? args[4] : undefined };
  } catch {
    /* not JSON: handled by handleJsonRpc */
  }
  return {};
}

export function jsonRpcError(id: unknown, exc: OdooException): Reply {
  const notFound = exc.pyName === "werkzeug.exceptions.NotFound";
  return jsonReply(200, {
    jsonrpc: "2.0",
    id: id ?? null,
    error: {
      code: notFound ? 404 : 0,
      message: notFound ? "404: Not Found" : "Odoo Server Error",
      data: serializeException(exc),
    },
  });
}

export function handleJsonRpc(sim: SimState, body: string): { reply: Reply; error?: string } {
  let id: unknown = null;
  let request: { id?: unknown; params?: { service?: unknown; method?: unknown; args?: unknown } };
  try {
    request = JSON.parse(body);
  } catch {
    // JsonRPCDispatcher.dispatch: BadRequest("Invalid JSON data"), rendered as plain werkzeug HTML.
    return { reply: htmlReply(400, "Invalid JSON data"), error: "werkzeug.exceptions.BadRequest" };
  }
  try {
    id = request.id ?? null;
    const p = request.params ?? {};
    const args = Array.isArray(p.args) ? p.args : [];
    const result = dispatchRpc(sim, String(p.service), String(p.method), args);
    return { reply: jsonReply(200, { jsonrpc: "2.0", id, result }) };
  } catch (err) {
    const exc = asOdooException(err);
    return { reply: jsonRpcError(id, exc), error: exc.pyName };
  }
}

function dispatchRpc(sim: SimState, service: string, method: string, args: unknown[]): unknown {
  if (service === "common") {
    if (method === "version") return SERVER_VERSION;
    if (method === "login" || method === "authenticate") {
      const [db, login, password] = args;
      checkDb(sim, db);
      if (login === sim.login && password === sim.apiKey) return sim.uid;
      return sim.adminApiKey !== null && login === ADMIN_LOGIN && password === sim.adminApiKey ? ADMIN_UID : false;
    }
    throw pythonError("builtins.KeyError", `'exp_${method}'`);
  }
  if (service === "db") {
    if (method === "list") return [sim.database];
    if (method === "server_version") return SERVER_VERSION.server_version;
    throw pythonError("builtins.KeyError", `'exp_${method}'`);
  }
  if (service !== "object") throw pythonError("builtins.KeyError", `'${service}'`);

  const [db, uid, password, model, modelMethod, ...rest] = args;
  checkDb(sim, db);
  const asHub = Number(uid) === sim.uid && password === sim.apiKey;
  if (!asHub && !(Number(uid) === ADMIN_UID && sim.adminApiKey !== null && password === sim.adminApiKey)) throw accessDenied();
  let callArgs: unknown[];
  let kwargs: Record<string, unknown>;
  if (method === "execute_kw") {
    callArgs = Array.isArray(rest[0]) ? rest[0] : [];
    kwargs = rest[1] && typeof rest[1] === "object" ? { ...(rest[1] as Record<string, unknown>) } : {};
  } else if (method === "execute") {
    callArgs = rest;
    kwargs = {};
  } else {
    throw pythonError("builtins.NameError", `Method not available ${method}`);
  }
  const context = (kwargs.context ?? {}) as Record<string, unknown>;
  delete kwargs.context;

  const name = String(modelMethod);
  const spec = sim.registry.get(String(model))?.methods?.[name] ?? BASE_METHODS[name];
  let ids: number[] = [];
  let positional = callArgs;
  // call_kw: `ids, args = args[0], args[1:]` for record methods (unknown ones fail later).
  if (spec && !spec.apiModel && !name.startsWith("_")) {
    if (callArgs.length === 0) throw pythonError("builtins.IndexError", "list index out of range");
    ids = Array.isArray(callArgs[0]) ? (callArgs[0] as number[]) : [callArgs[0] as number];
    positional = callArgs.slice(1);
  }
  const result = executeModelCall(sim, {
    model: String(model), method: name, ids, positional, kwargs, context, protocol: "jsonrpc", restricted: asHub,
  });
  // call_kw for create: a single dict in → a single id out.
  if (name === "create" && Array.isArray(result) && callArgs[0] && typeof callArgs[0] === "object" && !Array.isArray(callArgs[0]))
    return result[0];
  return result;
}

function checkDb(sim: SimState, db: unknown): void {
  if (db !== sim.database)
    throw pythonError("psycopg2.OperationalError", `connection to server failed: FATAL:  database "${String(db)}" does not exist\n`);
}
