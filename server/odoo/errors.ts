/**
 * OdooError: one error type for everything a call to Odoo can fail with — an Odoo
 * exception (JSON-2 error body or JSON-RPC `error.data`), a proxy answer (429/502/503
 * HTML), a dropped connection or a timeout. It keeps the raw response body verbatim.
 *
 * JSON-2 statuses (addons/rpc/controllers/json2.py + odoo/http.py Json2Dispatcher, 19.0;
 * checked against a real server by tests/odoo/json2-protocol.test.ts): 400 BadRequest
 * (malformed JSON), 401 Unauthorized ("Invalid apikey"), 403 AccessError (rights, private
 * methods), 404 NotFound (unknown model or method, and any non-POST: a catch-all route) /
 * MissingError (write on a deleted record; a read of one answers 200 []), 409 LockError,
 * 415 (an HTML page, for a body that is not application/json), 422 UserError /
 * ValidationError / UnprocessableEntity (arguments that do not bind), 500 anything else:
 * ValueError/KeyError for unknown fields, TypeError, and psycopg2 SerializationFailure
 * re-raised after Odoo's own retries.
 * JSON-RPC errors arrive with HTTP 200; they are classified by `data.name`.
 */

/** The wire form of an Odoo exception (odoo/http.py serialize_exception). */
export interface OdooErrorData {
  name: string;
  message: string;
  arguments?: unknown[];
  context?: Record<string, unknown>;
  debug?: string;
}

export type OdooErrorKind =
  | "auth" // bad/expired API key, AccessDenied
  | "access" // AccessError: the bot user lacks rights
  | "not_found" // unknown model/method/route
  | "missing" // MissingError: record deleted
  | "bad_request" // unparsable body, other 4xx
  | "bad_arguments" // 422 UnprocessableEntity: ids on @api.model, unexpected kwarg
  | "method_not_allowed"
  | "validation" // ValidationError
  | "user" // UserError (business refusal)
  | "conflict" // LockError
  | "rate_limited" // 429
  | "concurrency" // serialization failure / deadlock after Odoo's retries
  | "server" // deterministic server-side exception (TypeError, ValueError, ...)
  | "unavailable" // 502/503/504 or a 5xx without an Odoo body
  | "network" // connection refused/reset
  | "timeout"
  | "protocol" // a 200 that is not the expected JSON
  | "setup"; // Odoo lacks what the hub needs (an active currency, ...): a person must fix Odoo first

export interface OdooErrorInit {
  kind: OdooErrorKind;
  retryable: boolean;
  message: string;
  /** Odoo's exception name (`odoo.exceptions.AccessError`); null when the body was not Odoo's. */
  odooName: string | null;
  /** HTTP status; null when no response arrived (network error, timeout). */
  status: number | null;
  /** The raw response body, verbatim ("" when none). */
  body: string;
  data?: OdooErrorData;
  retryAfterMs?: number;
  cause?: unknown;
}

export class OdooError extends Error {
  readonly kind: OdooErrorKind;
  readonly retryable: boolean;
  readonly odooName: string | null;
  readonly status: number | null;
  readonly body: string;
  readonly data: OdooErrorData | undefined;
  readonly retryAfterMs: number | undefined;
  model: string | undefined;
  method: string | undefined;
  /** Requests made before giving up (1 = no retry). */
  attempts = 1;

  constructor(init: OdooErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "OdooError";
    this.kind = init.kind;
    this.retryable = init.retryable;
    this.odooName = init.odooName;
    this.status = init.status;
    this.body = init.body;
    this.data = init.data;
    this.retryAfterMs = init.retryAfterMs;
  }
}

export const isOdooError = (e: unknown): e is OdooError => e instanceof OdooError;

const CONCURRENCY = /(SerializationFailure|DeadlockDetected|LockNotAvailable|TransactionRollbackError|ConcurrencyError)$/;

/** Kind of an Odoo exception by its Python name (used for JSON-RPC and as a tiebreaker). */
function kindByName(name: string): OdooErrorKind | undefined {
  if (CONCURRENCY.test(name)) return "concurrency";
  const short = name.split(".").pop();
  switch (short) {
    case "AccessDenied":
    case "Unauthorized":
      return "auth";
    case "AccessError":
    case "Forbidden":
      return "access";
    case "MissingError":
      return "missing";
    case "NotFound":
      return "not_found";
    case "ValidationError":
      return "validation";
    case "UserError":
    case "RedirectWarning":
      return "user";
    case "LockError":
      return "conflict";
    case "UnprocessableEntity":
      return "bad_arguments";
    case "BadRequest":
      return "bad_request";
    case "MethodNotAllowed":
      return "method_not_allowed";
    default:
      return undefined;
  }
}

function kindByStatus(status: number, data: OdooErrorData | undefined): { kind: OdooErrorKind; retryable: boolean } {
  const byName = data ? kindByName(data.name) : undefined;
  if (status === 429) return { kind: "rate_limited", retryable: true };
  if (status >= 500) {
    if (byName === "concurrency") return { kind: "concurrency", retryable: true };
    if (status === 500 && data) return { kind: "server", retryable: false };
    return { kind: status === 500 ? "server" : "unavailable", retryable: true };
  }
  if (byName) return { kind: byName, retryable: false };
  const table: Record<number, OdooErrorKind> = {
    400: "bad_request", 401: "auth", 403: "access", 404: "not_found", 405: "method_not_allowed", 409: "conflict", 422: "user",
  };
  return { kind: table[status] ?? "bad_request", retryable: false };
}

export function errorFromHttp(status: number, body: string, data: OdooErrorData | undefined, retryAfterMs?: number): OdooError {
  const { kind, retryable } = kindByStatus(status, data);
  const snippet = body.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 200);
  return new OdooError({
    kind,
    retryable,
    message: data?.message ?? `HTTP ${status}${snippet ? `: ${snippet}` : ""}`,
    odooName: data?.name ?? null,
    status,
    body,
    data,
    retryAfterMs,
  });
}

/** A JSON-RPC `error` member (HTTP 200): {code, message, data: serialize_exception(...)}. */
export function errorFromJsonRpc(status: number, body: string, error: { code?: number; message?: string; data?: OdooErrorData }): OdooError {
  const data = error.data;
  const byName = data ? kindByName(data.name) : undefined;
  const kind: OdooErrorKind = error.code === 404 ? "not_found" : byName ?? "server";
  return new OdooError({
    kind,
    retryable: kind === "concurrency",
    message: data?.message ?? error.message ?? "Odoo Server Error",
    odooName: data?.name ?? null,
    status,
    body,
    data,
  });
}

export function transportError(kind: "network" | "timeout", message: string, cause?: unknown): OdooError {
  return new OdooError({ kind, retryable: true, message, odooName: null, status: null, body: "", cause });
}

/** True when a write may or may not have been committed (no answer came back). */
export const outcomeUnknown = (e: unknown): boolean =>
  e instanceof OdooError && (e.kind === "network" || e.kind === "timeout" || e.kind === "unavailable");
