import { createServer } from "node:http";
import type { Logger } from "pino";
import type { Db } from "~/server/db/client";
import { bearerToken } from "~/server/services/authenticate-service";
import { matchesSecret } from "~/server/http/matches-secret";
import { isDraining } from "~/server/lib/shutdown";
import type { OdooClient } from "~/server/odoo";
import { checkReadiness } from "~/server/status/check-readiness";
import { renderMetrics } from "~/server/status/render-metrics";

/**
 * The worker's own small HTTP server (on WORKER_PORT), for the orchestrator and Prometheus:
 * `GET /health` (the process lives), `GET /health/ready` (database and Odoo answer, and
 * the worker is not stopping: the web's readiness, same body) and `GET /metrics` (the
 * worker's Prometheus text, behind METRICS_TOKEN like the web's /api/metrics).
 */
export async function startWorkerHttp(options: { db: Db; port: number; hostname: string; metricsToken: string | undefined; odoo: () => OdooClient | null; log: Logger }) {
  const json = (status: number, body: unknown) => ({ status, type: "application/json", body: JSON.stringify(body) });
  const answer = async (method: string, path: string, authorization: string | undefined) => {
    if (method !== "GET") return json(405, { status: 405, error: "Method Not Allowed" });
    if (path === "/health") return json(200, { status: "ok" });
    if (path === "/health/ready") {
      const readiness = await checkReadiness({ db: options.db, odoo: options.odoo, draining: isDraining() });
      return json(readiness.ready ? 200 : 503, { status: readiness.ready ? "ready" : "not_ready", ...readiness });
    }
    if (path === "/metrics") {
      if (!matchesSecret(bearerToken(authorization ?? null), options.metricsToken)) return json(401, { status: 401, error: "Unauthorized" });
      const { contentType, body } = await renderMetrics({ db: async () => options.db });
      return { status: 200, type: contentType, body };
    }
    return json(404, { status: 404, error: "Not Found" });
  };
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?", 1)[0]!;
    answer(request.method ?? "GET", path, request.headers.authorization)
      .catch((error: unknown) => {
        options.log.error({ path, err: error instanceof Error ? error.name : typeof error }, "worker http: request failed");
        return json(500, { status: 500, error: "Internal Server Error" });
      })
      .then(({ status, type, body }) => {
        response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
        response.end(body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  options.log.info({ port: options.port, hostname: options.hostname }, "worker http listening: /health, /health/ready, /metrics");
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
