import { createDb } from "~/server/db/client";
import { env } from "~/server/env";
import { sealingKeyFrom } from "~/server/lib/sealed-secret";
import { flushLogs, logger } from "~/server/lib/logger";
import { beginDraining, onShutdown, runShutdownHooks } from "~/server/lib/shutdown";
import { configuredOdooClient, odooClientFromEnv } from "~/server/odoo/client-from-env";
import { startWorker } from "~/server/worker/start-worker";
import { startWorkerHttp } from "~/server/worker/start-worker-http";

/*
 * npm run worker: the hub's background process. Fires the schedules (usage push, webhook
 * drain, Odoo poll) once per period across every worker, and runs the reconciliations and
 * Lago imports queued from the console, so web processes only serve requests. Run one or
 * more beside the web processes, on the same DATABASE_URL and settings (a PostgreSQL
 * database: the embedded one belongs to the one demo process, which drains itself).
 * WORKER_PORT serves /health, /health/ready and /metrics. SIGTERM or SIGINT stops it
 * gracefully (within SHUTDOWN_TIMEOUT_MS) and exits 0.
 */
const log = logger().child({ component: "worker" });
process.on("uncaughtException", (error) => {
  log.fatal({ err: error.name, stack: error.stack }, "uncaught exception");
  flushLogs();
  process.exit(1);
});

const settings = env();
if (settings.DATABASE_URL.startsWith("pglite:")) {
  log.fatal("the worker needs PostgreSQL (DATABASE_URL=postgresql://…): the embedded database is the demo's alone, and the demo runs its own queue");
  flushLogs();
  process.exit(2);
}
const { db, close } = await createDb(settings.DATABASE_URL, { poolSize: 5 });
onShutdown("database pool", close);
const worker = startWorker({ db, settings, odoo: odooClientFromEnv, sealingKey: sealingKeyFrom(settings.NEXTAUTH_SECRET), log });
const http = settings.WORKER_PORT
  ? await startWorkerHttp({ db, port: settings.WORKER_PORT, hostname: "0.0.0.0", metricsToken: settings.METRICS_TOKEN, odoo: configuredOdooClient, log })
  : null;

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    beginDraining();
    void worker
      .stop(signal)
      .then(async () => {
        await http?.close();
        await runShutdownHooks(5_000);
        flushLogs();
        process.exit(0);
      });
  });
}
