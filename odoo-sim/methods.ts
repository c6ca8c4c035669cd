/**
 * Public model methods and Python-style argument binding.
 *
 * - Lookup follows odoo/service/model.py get_public_method(): a name starting with '_'
 *   or a method marked @api.private (search_fetch, fetch, ...) → AccessError "Private methods (such as '<model>.<name>') cannot be called remotely.";
 *   no such method → AttributeError "The method '<model>.<name>' does not exist"
 *   (json2.py turns that AttributeError into NotFound → 404).
 * - Binding mimics inspect.Signature.bind(), whose TypeError text json2.py returns with 422:
 *   "got an unexpected keyword argument 'x'", "missing a required argument: 'x'",
 *   "too many positional arguments", "multiple values for argument 'x'".
 * - Signatures are those of odoo/orm/models.py BaseModel (19.0): search(domain, offset=0,
 *   limit=None, order=None), search_count(domain, limit=None), search_read(domain=None,
 *   fields=None, offset=0, limit=None, order=None, **read_kwargs), read(fields=None,
 *   load='_classic_read'), create(vals_list), write(vals), unlink(), fields_get(
 *   allfields=None, attributes=None), name_search(name='', domain=None, operator='ilike',
 *   limit=100). search/search_count/search_read/create/fields_get/name_search are @api.model.
 */
import { hasAccess } from "./access";
import { accessError, OdooException, typeError } from "./errors";
import { compareScalar, parseDomain } from "./domain";
import { createRecords, fieldsGet, readRecords, searchIds, unlinkRecords, writeRecords } from "./orm";
import { displayName, modelDef } from "./records";
import type { Env, MethodParam, MethodSpec } from "./models/types";

const p = (name: string, required = false): MethodParam => ({ name, required });

export const BASE_METHODS: Record<string, MethodSpec> = {
  search: {
    access: "read",
    apiModel: true,
    params: [p("domain", true), p("offset"), p("limit"), p("order")],
    run: (env, model, _ids, a) => searchIds(env, model, a.domain, a),
  },
  search_count: {
    access: "read",
    apiModel: true,
    params: [p("domain", true), p("limit")],
    run: (env, model, _ids, a) => {
      const n = searchIds(env, model, a.domain).length;
      return typeof a.limit === "number" ? Math.min(n, a.limit) : n;
    },
  },
  search_read: {
    access: "read",
    apiModel: true,
    params: [p("domain"), p("fields"), p("offset"), p("limit"), p("order")],
    varKw: true,
    run: (env, model, _ids, a) => {
      const { domain, fields, offset, limit, order, ...readKwargs } = a;
      const extra = Object.keys(readKwargs).find((k) => k !== "load");
      // **read_kwargs binds anything; read() then rejects it (a plain TypeError → 500).
      if (extra) throw typeError(`BaseModel.read() got an unexpected keyword argument '${extra}'`);
      const ids = searchIds(env, model, domain, { offset, limit, order });
      return readRecords(env, model, ids, fields, "load" in readKwargs ? readKwargs.load : "_classic_read");
    },
  },
  read: {
    access: "read",
    apiModel: false,
    params: [p("fields"), p("load")],
    run: (env, model, ids, a) => readRecords(env, model, ids, a.fields, "load" in a ? a.load : "_classic_read"),
  },
  create: {
    access: "create",
    apiModel: true,
    params: [p("vals_list", true)],
    run: (env, model, _ids, a) => createRecords(env, model, a.vals_list),
  },
  write: {
    access: "write",
    apiModel: false,
    params: [p("vals", true)],
    run: (env, model, ids, a) => writeRecords(env, model, ids, a.vals),
  },
  unlink: { access: "unlink", apiModel: false, params: [], run: (env, model, ids) => unlinkRecords(env, model, ids) },
  // models.py has_access(operation): what the calling user may do (a read-only check).
  has_access: { access: null, apiModel: false, params: [p("operation", true)], run: (env, model, _ids, a) => hasAccess(env, model, a.operation) },
  fields_get: {
    access: null,
    apiModel: true,
    params: [p("allfields"), p("attributes")],
    run: (env, model, _ids, a) => fieldsGet(env, model, a.allfields, a.attributes),
  },
  name_search: {
    access: "read",
    apiModel: true,
    params: [p("name"), p("domain"), p("operator"), p("limit")],
    run: (env, model, _ids, a) => {
      const name = typeof a.name === "string" ? a.name : "";
      const op = typeof a.operator === "string" ? a.operator : "ilike";
      const limit = typeof a.limit === "number" ? a.limit : 100;
      parseDomain(a.domain);
      return searchIds(env, model, a.domain)
        .map((id) => [id, displayName(env, model, id)] as const)
        .filter(([, n]) => !name || compareScalar(n, op, name))
        .slice(0, limit);
    },
  },
};

/** BaseModel methods marked `@api.private` in odoo/orm/models.py (19.0): public names, not callable remotely. */
const API_PRIVATE = new Set([
  "search_fetch", "init", "fetch", "check_access", "exists", "lock_for_update", "try_lock_for_update", "browse", "ensure_one", "with_env",
  "sudo", "with_user", "with_company", "with_context", "with_prefetch", "mapped", "filtered", "grouped", "filtered_domain", "sorted",
  "update", "flush_model", "flush_recordset", "new", "concat", "union", "invalidate_model", "invalidate_recordset", "modified",
]);

/** Throws the exceptions get_public_method() raises; `undefined` = AttributeError. */
export function getPublicMethod(env: Env, model: string, method: string): MethodSpec | undefined {
  if (method.startsWith("_") || API_PRIVATE.has(method))
    throw accessError(`Private methods (such as '${model}.${method}') cannot be called remotely.`);
  return modelDef(env, model).methods?.[method] ?? BASE_METHODS[method];
}

export const methodNotFoundMessage = (model: string, method: string) =>
  `The method '${model}.${method}' does not exist`;

export type BindResult = { ok: true; args: Record<string, unknown> } | { ok: false; message: string };

/** inspect.Signature.bind(records, *positional, **kwargs) for a simulated method. */
export function bindArguments(spec: MethodSpec, positional: unknown[], kwargs: Record<string, unknown>): BindResult {
  if (positional.length > spec.params.length) return { ok: false, message: "too many positional arguments" };
  const args: Record<string, unknown> = {};
  positional.forEach((v, i) => (args[spec.params[i]!.name] = v));
  for (const [k, v] of Object.entries(kwargs)) {
    const known = spec.params.some((prm) => prm.name === k);
    if (!known && !spec.varKw) return { ok: false, message: `got an unexpected keyword argument '${k}'` };
    if (k in args) return { ok: false, message: `multiple values for argument '${k}'` };
    args[k] = v;
  }
  const missing = spec.params.find((prm) => prm.required && !(prm.name in args));
  if (missing) return { ok: false, message: `missing a required argument: '${missing.name}'` };
  return { ok: true, args };
}

/** What a direct Python call would raise (execute_kw does not pre-bind like json2 does). */
export function callTypeError(method: string, message: string): OdooException {
  const text = message.startsWith("missing a required argument")
    ? `BaseModel.${method}() missing 1 required positional argument: ${message.split(": ")[1]}`
    : message === "too many positional arguments"
      ? `BaseModel.${method}() takes too many positional arguments`
      : `BaseModel.${method}() ${message}`;
  return typeError(text);
}
