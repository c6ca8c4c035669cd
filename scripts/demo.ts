import { spawn } from "node:child_process";
import { DEMO_SERVICES, seedDemo } from "~/scripts/support/demo-data";
import { createDb } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import { env } from "~/server/env";

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
Demo API keys:
${DEMO_SERVICES.map((s) => `  ${s.code.padEnd(10)} ${s.apiKey}`).join("\n")}
Try:
  curl -s -H "Authorization: Bearer ${DEMO_SERVICES[0].apiKey}" \\
    "http://localhost:${port}/api/v1/customers/acme-corp/current_usage?external_subscription_id=acme-cloud-1"
`);

const next = spawn("npx", ["next", "dev", "--port", port], { stdio: "inherit", env: { ...process.env, DATABASE_URL: databaseUrl } });
const stop = () => next.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
next.on("exit", (code) => process.exit(code ?? 0));
