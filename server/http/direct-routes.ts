import type { IncomingMessage, ServerResponse } from "node:http";
import { nodeApiRequest } from "./api-request";
import type { LagoServe } from "./lago-route";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./security-headers";

/*
 * The hottest API endpoints, served by the web server itself instead of through Next's
 * router: the two ingestion POSTs (/api/v1/events, /api/v1/events/batch) and
 * GET /api/v1/customers/{external_id}/current_usage. In profiles of one event per request
 * (8 clients, `node --cpu-prof` on the built app), Next's per-request work (routing,
 * rewrites, the app-route module's request/response adapters) was about half of the
 * app's CPU, and the hub's single thread was what capped ingestion: served directly, the
 * same handlers answer about twice as many events a second. current_usage, one client at
 * a time, spent more time in Next and proxy.ts than in its own queries (issue #16).
 *
 * The handling is the routes' own (lagoRoute's `serve`: authentication, rate limit, body
 * limit, Lago's errors), given the node request as an ApiRequest rather than a web
 * `Request`, so nothing of what the endpoints answer changes; the headers
 * next.config.ts gives every API answer are set here too, and a dynamic segment is
 * decoded as Next decodes it. What Next would have done on these paths and no longer
 * does: proxy.ts does not run for them (for the POSTs its matcher already skips them; for
 * current_usage its only work is refusing a malformed escape, and such a path is left to
 * Next and proxy.ts), and Next's `vary: rsc, …` header, meaningless on a JSON API
 * answer, is not sent. Anything else (another method, HEAD, a trailing slash, an empty
 * segment, every other path) still goes to Next.
 * Their module state that must be process-wide (database client, key cache, rate limiter,
 * group commit, metrics, logger) lives on globalThis, so these copies of the route modules
 * share it with the ones Next loads.
 */

type Params = Record<string, string>;

/** A path served directly: its method and its segments, `:name` for a dynamic one. */
export interface DirectRoute {
  method: "GET" | "POST";
  segments: readonly string[];
  serve: LagoServe<Params>;
}

const API_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ...STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value] as const),
  ["Content-Security-Policy", API_CONTENT_SECURITY_POLICY],
];

/** `path`'s `:name` segments are the params the route is given, as Next gives a `[name]` folder's. */
export function directRouteOf<P extends Params>(method: DirectRoute["method"], path: string, route: { serve: LagoServe<P> }): DirectRoute {
  return { method, segments: path.split("/"), serve: route.serve as unknown as LagoServe<Params> };
}

/** The routes by path, loaded once before the server listens. */
export async function loadDirectRoutes(): Promise<readonly DirectRoute[]> {
  const [single, batch, usage] = await Promise.all([
    import("~/app/api/v1/events/route"),
    import("~/app/api/v1/events/batch/route"),
    import("~/app/api/v1/customers/[external_id]/current_usage/route"),
  ]);
  return [
    directRouteOf("POST", "/api/v1/events", single.POST),
    directRouteOf("POST", "/api/v1/events/batch", batch.POST),
    directRouteOf("GET", "/api/v1/customers/:external_id/current_usage", usage.GET),
  ];
}

/**
 * The route serving this method and URL (path and query) with its decoded dynamic
 * segments, or undefined: Next serves it. An empty or malformed (`%E0%A4%A`) dynamic
 * segment is Next's too, which answers it as it always has.
 */
export function matchDirectRoute(routes: readonly DirectRoute[], method: string | undefined, url: string | undefined): { serve: LagoServe<Params>; params: Params } | undefined {
  if (!method || !url) return undefined;
  const query = url.indexOf("?");
  const segments = (query === -1 ? url : url.slice(0, query)).split("/");
  for (const route of routes) {
    if (route.method !== method || route.segments.length !== segments.length) continue;
    const params: Params = {};
    const matched = route.segments.every((expected, i) => {
      const actual = segments[i]!;
      if (!expected.startsWith(":")) return expected === actual;
      if (!actual) return false;
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
        return true;
      } catch {
        return false;
      }
    });
    if (matched) return { serve: route.serve, params };
  }
  return undefined;
}

/**
 * Serves the request and writes its answer: a 200 body straight from JSON.stringify, a
 * Response (an error) as it was built. A body left unread (after a 401, a 413) is
 * drained so the connection stays usable.
 */
export async function serveDirect(route: { serve: LagoServe<Params>; params: Params }, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const answer = await route.serve(nodeApiRequest(request), route.params);
    for (const [name, value] of API_HEADERS) response.setHeader(name, value);
    let body: Buffer | string | undefined;
    if (answer.response) {
      body = answer.response.body ? Buffer.from(await answer.response.arrayBuffer()) : undefined;
      response.statusCode = answer.response.status;
      answer.response.headers.forEach((value, name) => response.setHeader(name, value));
    } else {
      body = JSON.stringify(answer.json);
      response.statusCode = 200;
      response.setHeader("content-type", "application/json");
    }
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.end(body);
  } finally {
    if (!request.readableEnded) {
      request.removeAllListeners("data");
      request.resume();
    }
  }
}
