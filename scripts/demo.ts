import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { DEMO_PASSWORD, DEMO_SERVICES, DEMO_USERS, seedDemo } from "~/scripts/support/demo-data";
import { createDb } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import { env } from "~/server/env";
import { startOdooSimulator } from "~/odoo-sim";

/*
 * README command 1: the app on its embedded database (PGlite under .data/demo unless
 * DATABASE_URL says otherwise), migrated and seeded, served by `next dev`.
 */
const port = process.env.PORT ?? "3000";
const databaseUrl = env().DATABASE_URL;

console.log(`Database: ${databaseUrl}`);
const applied = await applyMigrations(databaseUrl);
if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);
// The embedded database allows one process at a time: seed, close, then hand it to Next.
const { db, close } = await createDb(databaseUrl, { poolSize: 1 });
console.log(await seedDemo(db));
await close();

console.log(`
Nexa Billing Hub demo → http://localhost:${port}
Lago-compatible API  → http://localhost:${port}/api/v1
Admin console        → http://localhost:${port}/sign-in  (password: ${DEMO_PASSWORD})
${DEMO_USERS.map((u) => `  ${u.role.padEnd(10)} ${u.email}`).join("\n")}
Demo API keys:
${DEMO_SERVICES.map((s) => `  ${s.code.padEnd(10)} ${s.apiKey}`).join("\n")}
Try:
  curl -s -H "Authorization: Bearer ${DEMO_SERVICES[0].apiKey}" \\
    "http://localhost:${port}/api/v1/customers/acme-corp/current_usage?external_subscription_id=acme-cloud-1"
`);

// A stand-in Odoo 19 (the in-repo simulator) unless a real one is configured; its company
// bills in CAD like Nexa's, so the demo's CAD plans are invoiced in CAD.
const odooPort = Number(process.env.ODOO_SIM_PORT ?? 8069);
const simulator = process.env.ODOO_URL ? null : await startOdooSimulator({ port: odooPort, apiKey: "demo-odoo-key", companyCurrency: "CAD" });
const cronSecret = process.env.CRON_SECRET ?? "demo-cron-secret-change-me";
if (simulator) {
  console.log(`Odoo simulator       → ${simulator.url} (state: ${simulator.url}/__sim/state)
Push usage to Odoo:
  curl -s -X POST -H "x-cron-secret: ${cronSecret}" http://localhost:${port}/api/cron/usage-push
`);
}
console.log(`Reconciliations and Lago imports started in the console run within seconds: this
process drains the job queue (POST /api/cron/jobs) every 2 s.
`);

// The demo's webhook signing key, kept across restarts so an app's cached public key stays valid.
const KEY_FILE = ".data/webhook-rsa-private-key.pem";
if (!process.env.WEBHOOK_RSA_PRIVATE_KEY && !existsSync(KEY_FILE)) {
  mkdirSync(".data", { recursive: true });
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  writeFileSync(KEY_FILE, privateKey.export({ type: "pkcs8", format: "pem" }).toString(), { mode: 0o600 });
}
const webhookKey = process.env.WEBHOOK_RSA_PRIVATE_KEY ?? readFileSync(KEY_FILE, "utf8");

const next = spawn("npx", ["next", "dev", "--port", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    CRON_SECRET: cronSecret,
    WEBHOOK_RSA_PRIVATE_KEY: webhookKey,
    ...(simulator
      ? {
          ODOO_URL: simulator.url,
          ODOO_API_KEY: "demo-odoo-key",
          // A month-long lead window pushes the open period at once, so usage shows up on the order right away.
          USAGE_PUSH_LEAD_HOURS: process.env.USAGE_PUSH_LEAD_HOURS ?? String(32 * 24),
        }
      : {}),
  },
});
// The console queues reconciliations and Lago imports in the job table. The demo has no
// outside scheduler, so this process calls the jobs cron route every few seconds; each
// call waits for the previous one, so a long run never piles calls up.
let drainTimer: NodeJS.Timeout | undefined;
const drainQueuedRuns = () => {
  drainTimer = setTimeout(() => {
    fetch(`http://localhost:${port}/api/cron/jobs`, { method: "POST", headers: { "x-cron-secret": cronSecret } })
      .then((response) => response.text())
      .catch(() => undefined) // not listening yet
      .finally(drainQueuedRuns);
  }, 2000);
};
drainQueuedRuns();

const stop = () => {
  clearTimeout(drainTimer);
  next.kill("SIGTERM");
  void simulator?.close();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
next.on("exit", (code) => process.exit(code ?? 0));
