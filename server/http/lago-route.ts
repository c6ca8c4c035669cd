import type { Db } from "~/server/db/client";
import { getDb } from "~/server/db/client";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { type AuthenticatedService, authenticateService } from "~/server/services/authenticate-service";
import { lagoErrorResponse } from "./lago-error-response";
import { createRateLimiter, type RateLimitDecision, type RateLimiter, rateLimitHeaders } from "./rate-limiter";
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
const cache = globalThis as unknown as { nexaApiRateLimiter?: RateLimiter };

function apiRateLimiter(): RateLimiter {
  cache.nexaApiRateLimiter ??= createRateLimiter({ limit: env().API_RATE_LIMIT_PER_MINUTE, windowSeconds: env().API_RATE_LIMIT_WINDOW_SECONDS });
  return cache.nexaApiRateLimiter;
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
  options: { rootKey?: string } = {},
) {
  return async (request: Request, route: { params: Promise<Params> }): Promise<Response> => {
    let limit: RateLimitDecision | undefined;
    let response: Response;
    try {
      const db = await getDb();
      const service = await authenticateService(db, request.headers.get("authorization"));
      limit = apiRateLimiter().take(service.id);
      if (!limit.allowed) throw new AppError("rate_limited", "rate limit exceeded");
      const result = await handler({
        db,
        service,
        params: await route.params,
        request,
        searchParams: new URL(request.url).searchParams,
        body: () => readJsonBody(request, env().API_MAX_BODY_BYTES),
      });
      response = result instanceof Response ? result : Response.json(result);
    } catch (error) {
      response = lagoErrorResponse(error, options.rootKey);
    }
    if (limit) for (const [name, value] of Object.entries(rateLimitHeaders(limit))) response.headers.set(name, value);
    return response;
  };
}
