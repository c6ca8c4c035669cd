/**
 * createOdooClient: one `call(model, method, namedArgs)` over JSON-2 (default for Odoo 19)
 * or legacy JSON-RPC, with timeouts and retries.
 *
 * Retried: 429 (Retry-After honoured), 502/503/504, 5xx without an Odoo error body,
 * PostgreSQL concurrency failures, connection errors and timeouts. Not retried: every
 * other 4xx (auth, access, validation, not found, bad arguments) and 500s that carry a
 * deterministic Odoo exception (TypeError, ValueError, ...) — the same call would fail
 * the same way. Caveat: a timeout or dropped connection can hide a committed write, so
 * a retried `create` may duplicate; non-idempotent callers pass `{ retry: false }` and
 * reconcile by searching (see models/sale-order-line.ts ensureOrderLine).
 */
import { OdooError, transportError } from "./errors";
import {
  buildCallRequest, buildServiceRequest, type OdooEndpoint, type OdooHttpRequest, type OdooNamedArgs,
  type OdooProtocol, parseResponse,
} from "./protocol";
import { sleep } from "~/server/lib/sleep";
import { DEFAULT_RETRY, type RetryPolicy, retryDelayMs } from "./retry";

export interface OdooClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Sent as X-Odoo-Database (json2); the `db` argument of execute_kw (jsonrpc, required). */
  database?: string;
  protocol: OdooProtocol;
  /** Per attempt, including reading the body (default 15 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  retry?: Partial<Omit<RetryPolicy, "maxRetries">>;
  /** jsonrpc: login of the API key's user, resolved to a uid with common.authenticate. */
  login?: string;
  /** jsonrpc: the API key's user id, when known (skips common.authenticate). */
  uid?: number;
  /** Injection points for tests. */
  fetch?: typeof fetch;
  random?: () => number;
  /** Called before each retry (logging/metrics). */
  onRetry?: (info: { model: string; method: string; attempt: number; delayMs: number; error: OdooError }) => void;
  /** Called once per call when it ends, retries included (metrics): its error, if it failed. */
  onCallEnd?: (info: { model: string; method: string; seconds: number; error?: unknown }) => void;
}

export interface OdooCallOptions {
  /** false: a single attempt (for non-idempotent writes the caller reconciles itself). */
  retry?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface OdooClient {
  readonly protocol: OdooProtocol;
  call<T = unknown>(model: string, method: string, args?: OdooNamedArgs, options?: OdooCallOptions): Promise<T>;
  /** jsonrpc: the uid used for execute_kw (authenticating once if needed); json2: null. */
  uid(): Promise<number | null>;
  /** The server's version (common.version over /jsonrpc, which JSON-2 has no equivalent of; unauthenticated). */
  version(): Promise<{ server_version: string; server_version_info: unknown[] }>;
}

export function createOdooClient(options: OdooClientOptions): OdooClient {
  const ep: OdooEndpoint = { protocol: options.protocol, baseUrl: options.baseUrl, apiKey: options.apiKey, database: options.database };
  if (ep.protocol === "jsonrpc" && !ep.database) throw new Error("createOdooClient: jsonrpc needs `database`");
  if (ep.protocol === "jsonrpc" && options.uid === undefined && !options.login)
    throw new Error("createOdooClient: jsonrpc needs `uid` or `login`");
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry, maxRetries: options.maxRetries ?? DEFAULT_RETRY.maxRetries };
  const timeoutMs = options.timeoutMs ?? 15_000;
  const doFetch = options.fetch ?? fetch;
  const random = options.random ?? Math.random;
  let requestId = 0;
  let uidPromise: Promise<number> | null = options.uid !== undefined ? Promise.resolve(options.uid) : null;

  async function attempt(req: OdooHttpRequest, ms: number, signal?: AbortSignal): Promise<unknown> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ms);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const res = await doFetch(req.url, { method: "POST", headers: req.headers, body: req.body, signal: controller.signal });
      const text = await res.text();
      const parsed = parseResponse(req.protocol, res.status, res.headers, text);
      if (!parsed.ok) throw parsed.error;
      return parsed.result;
    } catch (err) {
      if (err instanceof OdooError) throw err;
      if (signal?.aborted) throw signal.reason ?? err;
      if (timedOut) throw transportError("timeout", `Odoo did not answer within ${ms} ms`, err);
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw transportError("network", `cannot reach Odoo: ${cause?.code ?? cause?.message ?? (err as Error).message}`, err);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  async function send(build: () => OdooHttpRequest, model: string, method: string, opts: OdooCallOptions): Promise<unknown> {
    if (!options.onCallEnd) return sendWithRetries(build, model, method, opts);
    const started = performance.now();
    try {
      const result = await sendWithRetries(build, model, method, opts);
      options.onCallEnd({ model, method, seconds: (performance.now() - started) / 1000 });
      return result;
    } catch (error) {
      options.onCallEnd({ model, method, seconds: (performance.now() - started) / 1000, error });
      throw error;
    }
  }

  async function sendWithRetries(build: () => OdooHttpRequest, model: string, method: string, opts: OdooCallOptions): Promise<unknown> {
    const maxRetries = opts.retry === false ? 0 : policy.maxRetries;
    for (let n = 1; ; n++) {
      try {
        return await attempt(build(), opts.timeoutMs ?? timeoutMs, opts.signal);
      } catch (err) {
        if (!(err instanceof OdooError)) throw err;
        err.model = model;
        err.method = method;
        err.attempts = n;
        const delayMs = err.retryable && n <= maxRetries ? retryDelayMs(n, policy, err.retryAfterMs, random) : null;
        if (delayMs === null) throw err;
        options.onRetry?.({ model, method, attempt: n, delayMs, error: err });
        await sleep(delayMs, opts.signal);
      }
    }
  }

  function resolveUid(): Promise<number> {
    uidPromise ??= (async () => {
      const result = await send(
        () => buildServiceRequest(ep, "common", "authenticate", [ep.database, options.login, ep.apiKey, {}], ++requestId),
        "common",
        "authenticate",
        {},
      );
      if (typeof result !== "number" || result <= 0) {
        throw new OdooError({
          kind: "auth", retryable: false, odooName: "odoo.exceptions.AccessDenied", status: 200, body: JSON.stringify(result),
          message: `common.authenticate refused login '${options.login}' on database '${ep.database}'`,
        });
      }
      return result;
    })().catch((err: unknown) => {
      uidPromise = null;
      throw err;
    });
    return uidPromise;
  }

  return {
    protocol: ep.protocol,
    uid: () => (ep.protocol === "jsonrpc" ? resolveUid() : Promise.resolve(null)),
    version: async () =>
      (await send(() => buildServiceRequest(ep, "common", "version", [], ++requestId), "common", "version", {})) as {
        server_version: string; server_version_info: unknown[];
      },
    async call<T>(model: string, method: string, args: OdooNamedArgs = {}, opts: OdooCallOptions = {}): Promise<T> {
      const uid = ep.protocol === "jsonrpc" ? await resolveUid() : null;
      const build = () => buildCallRequest(ep, model, method, args, uid === null ? null : { uid, requestId: ++requestId });
      return (await send(build, model, method, opts)) as T;
    },
  };
}
