import type { IncomingMessage, ServerResponse } from "node:http";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./security-headers";

/*
 * The two ingestion endpoints, POST /api/v1/events and POST /api/v1/events/batch, served
 * by the web server itself instead of through Next's router. In profiles of one event per
 * request (8 clients, `node --cpu-prof` on the built app), Next's per-request work
 * (routing, rewrites, the app-route module's request/response adapters) was about half of
 * the app's CPU, and the hub's single thread was what capped ingestion: served directly,
 * the same handlers answer about twice as many events a second.
 *
 * The handlers are the routes' own POST exports (lagoRoute: authentication, rate limit,
 * body limit, Lago's errors), so nothing of what the endpoints answer changes; the headers
 * next.config.ts gives every API answer are set here too. What Next would have done on
 * these two paths and no longer does: proxy.ts does not run for them (its matcher already
 * skips them), and Next's `vary: rsc, …` header, meaningless on a JSON POST, is not sent.
 * Anything else (another method, a trailing slash, every other path) still goes to Next.
 * Their module state that must be process-wide (database client, key cache, rate limiter,
 * group commit, metrics, logger) lives on globalThis, so these copies of the route modules
 * share it with the ones Next loads.
 */

type RouteHandler = (request: Request, route: { params: Promise<Record<string, never>> }) => Promise<Response>;

const API_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ...STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value] as const),
  ["Content-Security-Policy", API_CONTENT_SECURITY_POLICY],
];

/** The handlers by path, loaded once before the server listens. */
export async function loadDirectRoutes(): Promise<ReadonlyMap<string, RouteHandler>> {
  const [single, batch] = await Promise.all([import("~/app/api/v1/events/route"), import("~/app/api/v1/events/batch/route")]);
  return new Map<string, RouteHandler>([
    ["/api/v1/events", single.POST],
    ["/api/v1/events/batch", batch.POST],
  ]);
}

/** The handler for this request, or undefined: Next serves it. */
export function directRoute(routes: ReadonlyMap<string, RouteHandler>, request: IncomingMessage): RouteHandler | undefined {
  if (request.method !== "POST" || !request.url) return undefined;
  const query = request.url.indexOf("?");
  return routes.get(query === -1 ? request.url : request.url.slice(0, query));
}

/**
 * The request body as a web stream that reads only as fast as it is consumed (a body
 * the handler never reads, as after a 401, is never buffered), and whose cancel (the
 * body limit's 413) discards the rest without closing the connection the answer goes to.
 */
function bodyStream(request: IncomingMessage): ReadableStream<Uint8Array> {
  let done = false;
  const discard = () => {
    done = true;
    request.removeAllListeners("data");
    request.resume();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        request.on("data", (chunk: Buffer) => {
          if (done) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) request.pause();
        });
        request.once("end", () => {
          if (!done) (done = true), controller.close();
        });
        request.once("error", (error) => {
          if (!done) (done = true), controller.error(error);
        });
        request.pause();
      },
      pull() {
        request.resume();
      },
      cancel: discard,
    },
    { highWaterMark: 1 },
  );
}

function webRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  let url: URL;
  try {
    url = new URL(request.url!, `http://${request.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(request.url!, "http://localhost");
  }
  return new Request(url, { method: "POST", headers, body: bodyStream(request), duplex: "half" } as RequestInit & { duplex: "half" });
}

/** Runs the handler and writes its answer; a body left unread is drained so the connection stays usable. */
export async function serveDirect(handler: RouteHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const answer = await handler(webRequest(request), { params: Promise.resolve({}) });
    const body = answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined;
    response.statusCode = answer.status;
    for (const [name, value] of API_HEADERS) response.setHeader(name, value);
    answer.headers.forEach((value, name) => response.setHeader(name, value));
    response.end(body);
  } finally {
    if (!request.readableEnded) {
      request.removeAllListeners("data");
      request.resume();
    }
  }
}
