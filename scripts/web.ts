import { parseArgs } from "node:util";
import { env } from "~/server/env";
import { startWebServer } from "~/server/http/start-web-server";
import { flushLogs, logger } from "~/server/lib/logger";

/*
 * npm start: the built app (`npm run build` first) as one stateless web process, in
 * production mode. Several may run side by side on one database. SIGTERM or SIGINT stops
 * it gracefully (see startWebServer), within SHUTDOWN_TIMEOUT_MS; a repeated signal (a
 * process group signalled through npm) changes nothing.
 *   npm start -- [--port 3000] [--hostname 0.0.0.0]   (or PORT; not HOSTNAME, which containers set to their name)
 */
const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? "0.0.0.0";

process.on("uncaughtException", (error) => {
  logger().fatal({ err: error.name, stack: error.stack }, "uncaught exception");
  flushLogs();
  process.exit(1);
});

const server = await startWebServer({ dir: process.cwd(), hostname, port, shutdownTimeoutMs: env().SHUTDOWN_TIMEOUT_MS });
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => void server.stop(signal).then(() => process.exit(0)));
}
