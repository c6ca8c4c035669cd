import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { flushLogs, logger, requestContext } from "~/server/lib/logger";
import { beginDraining, runShutdownHooks } from "~/server/lib/shutdown";
import { loadDirectRoutes, matchDirectRoute, serveDirect } from "./direct-routes";
import { loggablePath } from "./loggable-path";

export interface WebServer {
  url: string;
  /** The graceful stop: what SIGTERM and SIGINT run. */
  stop: (reason: string) => Promise<void>;
}

// A caller's (e.g. a load balancer's) request id is kept when it is a plain token.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Serves the built Next.js app (production mode) on a plain node:http server the hub
 * controls, because `next start` stops on SIGTERM without a bound on in-flight requests
 * and without a way to run the hub's own cleanup. Each request gets an id (the caller's
 * `x-request-id` if it sent a plain one), answered in `x-request-id`, carried by every
 * log line written while serving it, and one access log line when it ends (path without
 * its query string, and with secret path segments hidden).
 *
 * The stop: readiness answers 503 at once, the listener closes (no new connections; idle
 * keep-alive ones are closed, busy ones answer `connection: close`), in-flight requests
 * get up to `shutdownTimeoutMs` to finish, then remaining connections are cut, the
 * shutdown hooks run and the process exits 0.
 */
export async function startWebServer(options: { dir: string; hostname: string; port: number; shutdownTimeoutMs: number }): Promise<WebServer> {
  const log = logger().child({ component: "web" });
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The ingestion endpoints and current_usage skip Next's router (direct-routes.ts); everything else is Next's.
  const direct = await loadDirectRoutes();

  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  let allDone: (() => void) | null = null;

  const server = createServer((request, response) => {
    const requestId = requestIdOf(request);
    const started = performance.now();
    request.headers["x-request-id"] = requestId;
    response.setHeader("x-request-id", requestId);
    if (stopping) response.setHeader("connection", "close");
    inFlight.add(response);
    response.once("close", () => {
      inFlight.delete(response);
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      log.info({ requestId, method: request.method, path: loggablePath(request.url ?? "/"), status: response.statusCode, durationMs, aborted: !response.writableFinished }, "request");
      if (stopping && inFlight.size === 0) allDone?.();
    });
    requestContext.run({ requestId }, () => {
      const route = matchDirectRoute(direct, request.method, request.url);
      (route ? serveDirect(route, request, response) : handle(request, response)).catch((error: unknown) => {
        log.error({ err: error instanceof Error ? error.name : typeof error }, "request handler failed");
        if (!response.headersSent) {
          response.statusCode = 500;
          response.end();
        }
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  const address = server.address();
  const port = address && typeof address === "object" ? address.port : options.port;
  const url = `http://${options.hostname.includes(":") ? `[${options.hostname}]` : options.hostname}:${port}`;
  log.info({ url }, "web server listening");

  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    beginDraining();
    log.info({ reason, inFlight: inFlight.size, timeoutMs: options.shutdownTimeoutMs }, "stopping: no new connections, finishing in-flight requests");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const drained = inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (allDone = resolve));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), options.shutdownTimeoutMs)));
    // Connections that finish a response while we wait go idle: close them as they do.
    const sweeper = setInterval(() => server.closeIdleConnections(), 100);
    if ((await Promise.race([drained, timedOut])) === "timeout") {
      log.warn({ unfinished: inFlight.size }, "in-flight requests did not finish in time: closing their connections");
    }
    clearTimeout(timer);
    clearInterval(sweeper);
    server.closeAllConnections();
    await closed;
    await runShutdownHooks(5_000);
    await app.close?.().catch(() => undefined);
    log.info("stopped");
    flushLogs();
  };
  return { url, stop };
}
