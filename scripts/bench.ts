import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import { createBillableMetric } from "~/server/catalog/create-billable-metric";
import { createPlan } from "~/server/catalog/create-plan";
import { upsertCustomer } from "~/server/identity/upsert-customer";
import { createService } from "~/server/services/create-service";
import { createSubscription } from "~/server/subscriptions/create-subscription";
import { createTestDatabase, startApp } from "~/tests/support/app-server";
import { bulkLoadEvents } from "./bench/bulk-load";
import { percentile, runLoad } from "./bench/load";
import { benchUsagePush } from "./bench/usage-push";

/*
 * npm run bench: ingestion (single and batch POSTs over HTTP) and current-usage latency
 * at 10k / 100k / 1M events, on PostgreSQL and on the embedded database. Needs a build
 * (`npx next build`) and PostgreSQL at TEST_PG_URL. BENCH_SCALE=0.1 shrinks every count.
 * A second table: the Odoo calls and seconds of the usage push for 1,000 subscriptions ×
 * 3 metrics against the simulator (BENCH_ONLY=push runs just that one, no build needed).
 */
const scale = Number(process.env.BENCH_SCALE ?? 1);
const n = (count: number) => Math.max(1, Math.round(count * scale));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const rows: Array<Record<string, string | number>> = [];

async function seed(db: Db) {
  const apiKey = `nxb_bench_${randomBytes(8).toString("hex")}`;
  const { service } = await createService({ db, code: "bench", name: "Bench", apiKey });
  await createBillableMetric({ db, input: { code: "bench_units", name: "Units", aggregationType: "sum_agg", fieldName: "units" } });
  await createPlan({ db, input: { code: "bench_plan", name: "Bench", interval: "monthly", amountCents: 0n, amountCurrency: "CAD", charges: [
    { billableMetricCode: "bench_units", chargeModel: "graduated", properties: { graduated_ranges: [
      { from_value: 0, to_value: 1000, per_unit_amount: "0.01", flat_amount: "0" },
      { from_value: 1000, to_value: null, per_unit_amount: "0.005", flat_amount: "1" },
    ] } },
  ] } });
  const subscriptionAt = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
  // One subscription per concurrent client: several apps pushing for different customers.
  // (All clients on one subscription would serialise on its hourly rollup row instead.)
  const subscriptions: string[] = [];
  for (const name of [...Array.from({ length: CONCURRENCY }, (_, i) => `ingest-${i}`), "usage"]) {
    await upsertCustomer({ db, serviceId: service.id, externalId: `cust-${name}`, fields: {} });
    const { subscription } = await createSubscription({ db, serviceId: service.id, input: { externalCustomerId: `cust-${name}`, planCode: "bench_plan", externalId: `sub-${name}`, subscriptionAt } });
    subscriptions.push(subscription.id);
  }
  return { apiKey, serviceId: service.id, usageSubscriptionId: subscriptions.at(-1)!, subscriptionAt };
}

async function benchDatabase(kind: string, url: string) {
  console.log(`[bench] ${kind}: seeding`);
  const opened = await createDb(url, { poolSize: 2 });
  const seeded = await seed(opened.db);
  await opened.close();
  const app = await startApp({ DATABASE_URL: url, API_RATE_LIMIT_PER_MINUTE: "100000000" });
  const headers = { authorization: `Bearer ${seeded.apiKey}`, "content-type": "application/json" };
  const post = (path: string, body: unknown) => fetch(`${app.baseUrl}/api/v1${path}`, { method: "POST", headers, body: JSON.stringify(body) }).then(async (r) => (await r.arrayBuffer(), r.ok));
  const runId = randomBytes(4).toString("hex");
  const event = (i: number, client: number) => ({ transaction_id: `${runId}-${i}`, external_subscription_id: `sub-ingest-${client % CONCURRENCY}`, code: "bench_units", properties: { units: 1 } });
  try {
    const single = await runLoad({ requests: n(kind === "pglite" ? 1000 : 3000), concurrency: CONCURRENCY, send: (i) => post("/events", { event: event(i, i) }) });
    rows.push({ database: kind, scenario: "POST /events (1 event)", requests: single.requests, ok: single.ok, "events/s": Math.round(single.ok / single.seconds), "p50 ms": percentile(single.latenciesMs, 50).toFixed(1), "p99 ms": percentile(single.latenciesMs, 99).toFixed(1) });

    const batches = n(kind === "pglite" ? 100 : 600);
    const batch = await runLoad({
      requests: batches, concurrency: CONCURRENCY,
      send: (b) => post("/events/batch", { events: Array.from({ length: 100 }, (_, i) => event(1_000_000 + b * 100 + i, b)) }),
    });
    rows.push({ database: kind, scenario: "POST /events/batch (100 events)", requests: batch.requests, ok: batch.ok, "events/s": Math.round((batch.ok * 100) / batch.seconds), "p50 ms": percentile(batch.latenciesMs, 50).toFixed(1), "p99 ms": percentile(batch.latenciesMs, 99).toFixed(1) });

    // Current usage at growing volumes: events bulk-loaded straight into the database, as
    // if ingested earlier in the period, then read over HTTP.
    let loaded = 0;
    for (const target of [n(10_000), n(100_000), n(1_000_000)]) {
      await app.stop();
      const db = await createDb(url, { poolSize: 2 });
      await bulkLoadEvents({ db: db.db, serviceId: seeded.serviceId, subscriptionId: seeded.usageSubscriptionId, from: seeded.subscriptionAt, offset: loaded, count: target - loaded });
      await db.close();
      loaded = target;
      Object.assign(app, await startApp({ DATABASE_URL: url }));
      const get = () => fetch(`${app.baseUrl}/api/v1/customers/cust-usage/current_usage?external_subscription_id=sub-usage`, { headers }).then(async (r) => (await r.arrayBuffer(), r.ok));
      await runLoad({ requests: 5, concurrency: 1, send: get }); // warm-up
      const reads = await runLoad({ requests: 50, concurrency: 1, send: get });
      rows.push({ database: kind, scenario: `current_usage @ ${loaded.toLocaleString("en")} events`, requests: reads.requests, ok: reads.ok, "events/s": "-", "p50 ms": percentile(reads.latenciesMs, 50).toFixed(1), "p99 ms": percentile(reads.latenciesMs, 99).toFixed(1) });
    }
  } finally {
    await app.stop();
  }
}

const only = process.env.BENCH_ONLY;
if (only !== "push") {
  const postgres = await createTestDatabase("nexa_bench");
  try {
    await benchDatabase("postgresql", postgres.url);
  } finally {
    await postgres.drop();
  }
}
if (only !== "push" && process.env.BENCH_SKIP_PGLITE !== "1") {
  const dir = mkdtempSync(join(tmpdir(), "nexa-bench-pglite-"));
  try {
    console.log("[bench] migrating the embedded database");
    await applyMigrations(`pglite:${dir}`);
    await benchDatabase("pglite (embedded)", `pglite:${dir}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`\nNexa Billing Hub benchmark, ${new Date().toISOString()}, concurrency ${CONCURRENCY}, scale ${scale}`);
if (rows.length) console.table(rows);
const pushRows = only === "ingest" ? [] : await benchUsagePush(n(1000));
if (pushRows.length) {
  console.log("\nUsage push to Odoo (simulator): calls and seconds per cron run");
  console.table(pushRows);
}
process.exit(0);
