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

export interface LagoContext<Params> {
  db: Db;
  service: AuthenticatedService;
  params: Params;
  request: Request;
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
async function proxiedToLago(db: Db, service: AuthenticatedService, request: Request): Promise<Response | null> {
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
 * Wraps a Lago-compatible route handler once: authenticates the service's bearer
 * key, counts the request against the service's rate limit, gives the handler a
 * size-limited body reader, and turns every failure into Lago's error JSON. Every
 * answer to an authenticated caller carries Lago's x-ratelimit-* headers; before
 * authentication there is no key to count against, so 401s carry none.
 * Handlers return the 200 body (or a Response for other statuses).
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
  return async (request: Request, route: { params: Promise<Params> }): Promise<Response> => {
    const started = options.observe ? performance.now() : 0;
    let limit: RateLimitDecision | undefined;
    let response: Response;
    let failure: unknown = null;
    try {
      const db = await getDb();
      const service = await authenticateService(db, request.headers.get("authorization"));
      limit = await apiRateLimiter().take(service.id);
      if (!limit.allowed) throw new AppError("rate_limited", "rate limit exceeded");
      const lago = options.lagoAnswersInShadow ? await proxiedToLago(db, service, request) : null;
      const result = lago ?? await handler({
        db,
        service,
        params: await route.params,
        request,
        searchParams: new URL(request.url).searchParams,
        body: () => readJsonBody(request, env().API_MAX_BODY_BYTES),
      });
      response = result instanceof Response ? result : Response.json(result);
    } catch (error) {
      failure = error;
      response = lagoErrorResponse(error, options.rootKey);
    }
    options.observe?.({ status: response.status, error: failure, seconds: (performance.now() - started) / 1000 });
    if (limit) for (const [name, value] of Object.entries(rateLimitHeaders(limit))) response.headers.set(name, value);
    return response;
  };
}
