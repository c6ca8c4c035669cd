import type { Db } from "~/server/db/client";
import { databaseKind } from "~/server/db/adapter";
import { getDb } from "~/server/db/client";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { logger } from "~/server/lib/logger";
import { metrics } from "~/server/lib/metrics";
import { onShutdown } from "~/server/lib/shutdown";
import { answerFromLago } from "~/server/services/answer-from-lago";
import { type AuthenticatedService, authenticateService } from "~/server/services/authenticate-service";
import { lagoErrorResponse } from "./lago-error-response";
import { postgresRateLimitStore } from "./postgres-rate-limit-store";
import { createRateLimiter, type RateLimitDecision, rateLimitHeaders } from "./rate-limiter";
import { redisRateLimitStore } from "./redis-rate-limit-store";
import { createSharedRateLimiter, type RateLimitStore, type SharedRateLimiter } from "./shared-rate-limiter";
import { readJsonBody } from "./read-json-body";
import { type ApiRequest, webApiRequest } from "./api-request";

export interface LagoContext<Params> {
  db: Db;
  service: AuthenticatedService;
  params: Params;
  request: ApiRequest;
  searchParams: URLSearchParams;
  /** Parses the JSON body with the configured size limit (400/413 on bad input). */
  body: () => Promise<unknown>;
}

// One limiter per process, on globalThis because Next may load this module once per
// route bundle: a module-level limiter would give each route its own budget.
const cache = globalThis as unknown as { nexaApiRateLimiter?: SharedRateLimiter };

/** Where the processes share the limit: Redis when configured, else PostgreSQL; the embedded database has one process. */
function sharedStore(): RateLimitStore | null {
  const settings = env();
  if (settings.REDIS_URL) {
    const store = redisRateLimitStore(settings.REDIS_URL);
    onShutdown("rate limit: close Redis", store.close);
    return store;
  }
  return databaseKind(settings.DATABASE_URL) === "postgres" ? postgresRateLimitStore(getDb) : null;
}

function apiRateLimiter(): SharedRateLimiter {
  if (cache.nexaApiRateLimiter) return cache.nexaApiRateLimiter;
  const limit = env().API_RATE_LIMIT_PER_MINUTE;
  const windowSeconds = env().API_RATE_LIMIT_WINDOW_SECONDS;
  const store = sharedStore();
  let lastWarning = 0;
  cache.nexaApiRateLimiter = store
    ? createSharedRateLimiter({
        limit, windowSeconds, store,
        onStoreError: (error) => {
          metrics().rateLimitStoreErrors.inc();
          // Once a minute at most: an outage must not flood the log.
          if (Date.now() - lastWarning < 60_000) return;
          lastWarning = Date.now();
          logger().warn({ err: error instanceof Error ? error.message : String(error) }, "rate limit store unavailable: this process counts alone");
        },
      })
    : createRateLimiter({ limit, windowSeconds });
  return cache.nexaApiRateLimiter;
}

/** Lago's answer for a shadow service, null for a live one (lagoAnswersInShadow). */
async function proxiedToLago(db: Db, service: AuthenticatedService, request: ApiRequest): Promise<Response | null> {
  const url = new URL(request.url);
  const method = request.method === "POST" ? "POST" : "GET";
  const answer = await answerFromLago({ db, serviceId: service.id, method, pathAndQuery: `${url.pathname.replace(/^\/api\/v1/, "")}${url.search}` });
  if (!answer) return null;
  if (answer.body === null) return new Response(null, { status: answer.status });
  // Not JSON (a proxy's error page): passed on as text, not wrapped in a JSON string.
  return typeof answer.body === "string" ? new Response(answer.body, { status: answer.status, headers: { "content-type": "text/plain; charset=utf-8" } }) : Response.json(answer.body, { status: answer.status });
}

/** How one request ended, for a route's own metrics. */
export interface LagoOutcome {
  status: number;
  /** What was thrown, when the answer is an error. */
  error: unknown;
  seconds: number;
}

/**
 * A request's answer before it is rendered: the handler's 200 body (`json`), or a
 * Response (an error, a file, another status), with the rate limit headers to add.
 */
export interface LagoAnswer {
  json: unknown;
  response: Response | null;
  headers: Record<string, string>;
}

/** A Lago route's handling, whoever received the request: Next (the route's export) or the web server (direct-routes.ts). */
export type LagoServe<Params> = (request: ApiRequest, params: Params) => Promise<LagoAnswer>;

/**
 * Wraps a Lago-compatible route handler once: authenticates the service's bearer
 * key, counts the request against the service's rate limit, gives the handler a
 * size-limited body reader, and turns every failure into Lago's error JSON. Every
 * answer to an authenticated caller carries Lago's x-ratelimit-* headers; before
 * authentication there is no key to count against, so 401s carry none.
 * Handlers return the 200 body (or a Response for other statuses). The result is the
 * route's Next export; its `serve` is the same handling for the web server's direct routes.
 */
export function lagoRoute<Params = Record<string, never>>(
  handler: (context: LagoContext<Params>) => Promise<unknown>,
  options: {
    rootKey?: string;
    observe?: (outcome: LagoOutcome) => void;
    /**
     * A read only Lago can answer while it bills the service (invoices, payment links):
     * for a shadow service the request goes to its Lago before the handler runs, and
     * Lago's status and JSON come back as they came. Checked here once, ahead of every
     * handler that sets it, so no route answers from Odoo first.
     */
    lagoAnswersInShadow?: boolean;
  } = {},
) {
  const serve: LagoServe<Params> = async (request, params) => {
    const started = options.observe ? performance.now() : 0;
    let limit: RateLimitDecision | undefined;
    let answer: LagoAnswer;
    let failure: unknown = null;
    try {
      const db = await getDb();
      const service = await authenticateService(db, request.header("authorization"));
      limit = await apiRateLimiter().take(service.id);
      if (!limit.allowed) throw new AppError("rate_limited", "rate limit exceeded");
      const lago = options.lagoAnswersInShadow ? await proxiedToLago(db, service, request) : null;
      const result = lago ?? await handler({
        db,
        service,
        params,
        request,
        searchParams: request.searchParams,
        body: () => readJsonBody(request, env().API_MAX_BODY_BYTES),
      });
      answer = result instanceof Response ? { json: null, response: result, headers: {} } : { json: result, response: null, headers: {} };
    } catch (error) {
      failure = error;
      answer = { json: null, response: lagoErrorResponse(error, options.rootKey), headers: {} };
    }
    options.observe?.({ status: answer.response?.status ?? 200, error: failure, seconds: (performance.now() - started) / 1000 });
    if (limit) answer.headers = rateLimitHeaders(limit);
    return answer;
  };
  const route = async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const answer = await serve(webApiRequest(request), await context.params);
    const response = answer.response ?? Response.json(answer.json);
    for (const [name, value] of Object.entries(answer.headers)) response.headers.set(name, value);
    return response;
  };
  return Object.assign(route, { serve });
}
