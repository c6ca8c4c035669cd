import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import pg from "pg";
import { applyMigrations } from "~/server/db/migrate";
import { TEST_OUTBOUND_ALLOWANCE } from "./outbound-allowance";

/** Real PostgreSQL for the integration suite; `.ci/run` points this at a throwaway cluster. */
export const ADMIN_DATABASE_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Creates an empty, migrated database and returns its URL and a function that drops it. */
export async function createTestDatabase(prefix = "nexa_it"): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`The integration tests need PostgreSQL at ${ADMIN_DATABASE_URL} (set TEST_PG_URL): ${(error as Error).message}`);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** `x-cron-secret` of the suites' shared app, which has no scheduler: tests call its cron routes themselves. */
export const TEST_CRON_SECRET = "test-cron-secret-0123456789";

/** METRICS_TOKEN of the suites' shared app (GET /api/metrics). */
export const TEST_METRICS_TOKEN = "test-metrics-token-0123456789";

/** One pass of the job queue's worker in `baseUrl`'s app (POST /api/cron/jobs): runs what the console queued. */
export async function drainQueuedRuns(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/cron/jobs`, { method: "POST", headers: { "x-cron-secret": TEST_CRON_SECRET } });
  if (!response.ok) throw new Error(`POST /api/cron/jobs answered ${response.status}: ${await response.text()}`);
}

/** What a cron every few hundred milliseconds would do, while a browser test waits for a queued run; returns the stop. */
export function keepDrainingQueuedRuns(baseUrl: string, everyMs = 250): () => Promise<void> {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await drainQueuedRuns(baseUrl).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

export interface RunningApp {
  baseUrl: string;
  process: ChildProcess;
  /** Everything the app printed so far (empty when NEXA_TEST_APP_LOGS=1 forwards it instead). */
  logs: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the built Next.js app on a free port the way `npm start` does (scripts/web.ts,
 * production mode, the hub's own graceful stop) and waits for /api/health. The suites'
 * outbound allowance applies unless `env` overrides it; `nodeArgs` go to node itself.
 */
export async function startApp(env: Record<string, string>, options: { nodeArgs?: string[] } = {}): Promise<RunningApp> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "scripts/web.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, ...TEST_OUTBOUND_ALLOWANCE, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  // NEXA_TEST_APP_LOGS=1 forwards the app's own logs, e.g. to see what a 500 was.
  const forward = process.env.NEXA_TEST_APP_LOGS === "1";
  child.stdout?.on("data", (chunk) => (forward ? process.stdout.write(chunk) : (output += chunk)));
  child.stderr?.on("data", (chunk) => (forward ? process.stderr.write(chunk) : (output += chunk)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    process: child,
    logs: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
}
