/**
 * Odoo exceptions as the simulator raises them, and their wire form.
 *
 * - HTTP statuses of the odoo.exceptions family: `odoo/exceptions.py` (18+/19):
 *   UserError.http_status = 422, AccessDenied/AccessError = 403, MissingError = 404,
 *   LockError = 409, ValidationError inherits 422.
 * - Body: `odoo/http.py` serialize_exception(exception, *, message=None, arguments=None)
 *   → {name: "<module>.<Class>", message, arguments: exc.args, context: getattr(exc,
 *   'context', {}), debug: formatted traceback}.
 * - werkzeug HTTPExceptions go through `addons/web/controllers/json2.py`
 *   Json2RpcDispatcher.handle_error (19.0): status = exc.code,
 *   serialize_exception(exc, message=exc.description, arguments=(exc.description, exc.code)),
 *   response headers = exc.get_headers() minus Content-Type (e.g. WWW-Authenticate).
 * - Anything else (TypeError, ValueError, psycopg2 errors) → 500 with serialize_exception.
 */

export type OdooErrorBody = {
  name: string;
  message: string;
  arguments: unknown[];
  context: Record<string, unknown>;
  debug: string;
};

export class OdooException extends Error {
  constructor(
    /** Python path of the exception class, e.g. `odoo.exceptions.AccessError`. */
    readonly pyName: string,
    message: string,
    /** HTTP status the JSON-2 dispatcher uses for it. */
    readonly httpStatus: number,
    readonly pyArgs: unknown[] = [message],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "OdooException";
  }

  /** True for werkzeug.exceptions.* (JSON-RPC maps NotFound to code 404). */
  get isHttpException(): boolean {
    return this.pyName.startsWith("werkzeug.exceptions.");
  }
}

// --- odoo.exceptions (UserError family: json2 uses exc.http_status) -----------------
export const userError = (msg: string) => new OdooException("odoo.exceptions.UserError", msg, 422);
export const validationError = (msg: string) =>
  new OdooException("odoo.exceptions.ValidationError", msg, 422);
export const accessError = (msg: string) => new OdooException("odoo.exceptions.AccessError", msg, 403);
export const accessDenied = (msg = "Access Denied") =>
  new OdooException("odoo.exceptions.AccessDenied", msg, 403);
export const missingError = (model: string, ids: number[], uid: number) =>
  // Text of BaseModel._check_exists / MissingError in odoo/orm/models.py
  new OdooException(
    "odoo.exceptions.MissingError",
    `Record does not exist or has been deleted.\n(Record: ${model}(${ids.join(", ")}${ids.length === 1 ? "," : ""}), User: ${uid})`,
    404,
  );

// --- werkzeug.exceptions (json2 uses exc.code, arguments = [description, code]) ---------
function httpException(cls: string, code: number, description: string, headers: Record<string, string> = {}) {
  return new OdooException(`werkzeug.exceptions.${cls}`, description, code, [description, code], headers);
}
export const badRequest = (d: string) => httpException("BadRequest", 400, d);
export const unauthorized = (d: string) =>
  // ir_http._auth_method_bearer raises Unauthorized(e, www_authenticate=WWWAuthenticate('bearer'))
  httpException("Unauthorized", 401, d, { "WWW-Authenticate": "Bearer" });
export const notFound = (d: string) => httpException("NotFound", 404, d);
export const unprocessableEntity = (d: string) => httpException("UnprocessableEntity", 422, d);

// --- plain Python exceptions (json2 → 500) -------------------------------------------
export const pythonError = (cls: string, msg: string) => new OdooException(cls, msg, 500);
export const typeError = (msg: string) => pythonError("builtins.TypeError", msg);
export const valueError = (msg: string) => pythonError("builtins.ValueError", msg);
/**
 * odoo/service/model.py `retrying()` retries PG_CONCURRENCY_EXCEPTIONS_TO_RETRY and,
 * once no tries are left, logs "..., maximum number of tries reached!" and re-raises the
 * psycopg2 exception itself — so json2 answers 500 with its serialized form.
 */
export const serializationFailure = () =>
  pythonError(
    "psycopg2.errors.SerializationFailure",
    "could not serialize access due to concurrent update\n",
  );

/** Turns anything thrown by simulator code into an OdooException. */
export function asOdooException(err: unknown): OdooException {
  if (err instanceof OdooException) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return pythonError("builtins.Exception", msg);
}

export function serializeException(exc: OdooException): OdooErrorBody {
  const shortName = exc.pyName.split(".").pop() ?? exc.pyName;
  const shown = exc.isHttpException ? `${exc.httpStatus} ${shortName}: ${exc.message}` : exc.message;
  return {
    name: exc.pyName,
    message: exc.message,
    arguments: exc.pyArgs,
    context: {},
    debug:
      "Traceback (most recent call last):\n" +
      '  File "/opt/odoo/odoo/http.py", line 2000, in _serve_db\n' +
      "    (odoo-sim: simulated traceback)\n" +
      `${exc.pyName}: ${shown}\n`,
  };
}
