import { randomBytes } from "node:crypto";
import { createDb } from "~/server/db/client";
import { type ReferenceCheck, recallEventReferences } from "~/server/usage/event-references-cache";
import { lookUpEventReferences } from "~/server/usage/look-up-event-references";
import { createTestDatabase, startApp } from "~/tests/support/app-server";
import { bulkLoadEvents } from "./bench/bulk-load";
import { hubExplorerRead, hubReconciliationRead, seedReconciliationRun, signInBenchUser, sqlReconciliationRead, sqlUsageRead } from "./bench/console-reads";
import { addCpu, type CpuSnapshot, cpuLine, cpuSnapshot } from "./bench/cpu";
import { benchClient } from "./bench/http-client";
import { combineLoads, type LoadResult, runLoad } from "./bench/load";
import { type BenchRow, eventsPerSecond, hardwareLine, latencyRow, markdownTable, throughputRow } from "./bench/report";
import { seedBench } from "./bench/seed";
import { benchUsagePush } from "./bench/usage-push";
import { baselineCopy, hubStatementWrites, minimalWrites, withPool } from "./bench/sql-baseline";

/*
 * npm run bench: every row of issue #16's table in one run, the hub (`next start` over
 * HTTP) beside the same work sent straight to PostgreSQL (for ingestion, the hub's own
 * insert statement; see bench/sql-baseline.ts), with their ratio. Needs a build
 * (`npx next build`) and PostgreSQL at TEST_PG_URL. BENCH_SCALE=0.1 shrinks every count
 * (a quick look); BENCH_10M=1 also loads the usage period up to 10M events and measures
 * the reads again (a few more minutes and ~4 GB: not in the default run).
 * A second table: the Odoo calls and seconds of the usage push for 1,000 subscriptions ×
 * 3 metrics against the simulator (BENCH_ONLY=push runs just that one, no build needed;
 * BENCH_ONLY=ingest skips it; BENCH_ONLY=writes runs only the ingestion rows).
 * The ingestion rows run BENCH_ROUNDS (3) rounds, each phase next to its baseline; each
 * row sums its rounds. BENCH_PROFILE=<dir> writes the app's CPU profile there.
 */
const scale = Number(process.env.BENCH_SCALE ?? 1);
const n = (count: number) => Math.max(1, Math.round(count * scale));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const BATCH = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const volumes = (process.env.BENCH_10M === "1" ? [1_000_000, 10_000_000] : [1_000_000]).map(n);
const rows: BenchRow[] = [];
const runId = randomBytes(4).toString("hex");
const log = (message: string) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${message}`);
const cpuLines: string[] = [];

const only = process.env.BENCH_ONLY;
if (only !== "push") {
  const database = await createTestDatabase("nexa_bench");
  const opened = await createDb(database.url, { poolSize: 2 });
  const clients = Array.from({ length: CONCURRENCY }, (_, i) => `ingest-${i}`);
  const seeded = await seedBench(opened.db, [...clients, "usage"]);
  // BENCH_PROFILE=<dir>: the app writes a V8 CPU profile there when it stops (node --cpu-prof).
  const nodeArgs = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const app = await startApp({ DATABASE_URL: database.url, API_RATE_LIMIT_PER_MINUTE: "100000000" }, { nodeArgs });
  let hardware = "";
  try {
    await withPool(database.url, CONCURRENCY, async (pool) => {
      hardware = await hardwareLine(pool);
      const headers = { authorization: `Bearer ${seeded.apiKey}`, "content-type": "application/json" };
      const client = benchClient(app.baseUrl, { connections: CONCURRENCY, headers });
      const post = (path: string, body: string) => client.send("POST", `/api/v1${path}`, body);
      const event = (id: string, subscription: string) => ({ transaction_id: `${runId}-${id}`, external_subscription_id: `sub-${subscription}`, code: "bench_units", properties: { units: 1 } });
      // Each ingestion phase, with where its CPU went (printed under the table), in ROUNDS
      // rounds that take turns with their baselines: the VM's drift over the run then
      // weighs on the hub and its baseline alike.
      const phases = new Map<string, { results: LoadResult[]; cpu?: CpuSnapshot; eventsPerRequest: number }>();
      const measured = async (label: string, eventsPerRequest: number, phase: () => Promise<LoadResult>) => {
        const before = cpuSnapshot(app.process.pid!);
        const result = await phase();
        const entry = phases.get(label) ?? phases.set(label, { results: [], eventsPerRequest }).get(label)!;
        entry.cpu = addCpu(entry.cpu, before, cpuSnapshot(app.process.pid!));
        entry.results.push(result);
      };
      const spread = clients.map((name) => seeded.subscriptionIds.get(name)!);
      // The checks the hub's insert carries for each subscription's events, as the hub builds them.
      const checks = new Map<string, ReferenceCheck>();
      for (const name of clients) {
        await lookUpEventReferences(opened.db, seeded.serviceId, [`sub-${name}`], ["bench_units"]);
        checks.set(seeded.subscriptionIds.get(name)!, recallEventReferences(opened.db, seeded.serviceId, [`sub-${name}`], ["bench_units"])!.check);
      }
      const target = (subscriptionIds: string[]) => ({ serviceId: seeded.serviceId, subscriptionIds, code: "bench_units", checks });
      const singleBody = (id: string, i: number) => JSON.stringify({ event: event(id, clients[i % CONCURRENCY]!) });
      const warmBodies = Array.from({ length: 50 }, (_, i) => singleBody(`warm-${i}`, i));
      await runLoad({ requests: warmBodies.length, concurrency: CONCURRENCY, send: (i) => post("/events", warmBodies[i]!) });
      const single = n(3000);
      const batches = n(600);
      for (let round = 1; round <= ROUNDS; round++) {
        log(`round ${round} of ${ROUNDS}: single events, batches of ${BATCH} spread, batches on one subscription; hub, then SQL`);
        const singleBodies = Array.from({ length: single }, (_, i) => singleBody(`r${round}-s-${i}`, i));
        await measured("hub, single events", 1, () => runLoad({ requests: single, concurrency: CONCURRENCY, send: (i) => post("/events", singleBodies[i]!) }));
        await measured("SQL, single events", 1, () => hubStatementWrites(pool, target(spread), { requests: single, eventsPerRequest: 1, concurrency: CONCURRENCY, runId: `${runId}-r${round}-sql-s` }));
        // Every event new: a batch the hub has stored already takes its slower retry path.
        const batchBodies = (name: string, subscription: (b: number) => string) =>
          Array.from({ length: batches }, (_, b) => JSON.stringify({ events: Array.from({ length: BATCH }, (_, i) => event(`r${round}-${name}-${b * BATCH + i}`, subscription(b))) }));
        const spreadBodies = batchBodies("spread", (b) => clients[b % CONCURRENCY]!);
        await measured("hub, batches", BATCH, () => runLoad({ requests: batches, concurrency: CONCURRENCY, send: (b) => post("/events/batch", spreadBodies[b]!) }));
        await measured("SQL, batches", BATCH, () => hubStatementWrites(pool, target(spread), { requests: batches, eventsPerRequest: BATCH, concurrency: CONCURRENCY, runId: `${runId}-r${round}-sql-b` }));
        await measured("minimal SQL, batches", BATCH, () => minimalWrites(pool, target(spread), { requests: batches, eventsPerRequest: BATCH, concurrency: CONCURRENCY, runId: `${runId}-r${round}-min-b` }));
        const hotBodies = batchBodies("hot", () => clients[0]!);
        await measured("hub, batches on one subscription", BATCH, () => runLoad({ requests: batches, concurrency: CONCURRENCY, send: (b) => post("/events/batch", hotBodies[b]!) }));
        await measured("SQL, batches on one subscription", BATCH, () => hubStatementWrites(pool, target([spread[0]!]), { requests: batches, eventsPerRequest: BATCH, concurrency: CONCURRENCY, runId: `${runId}-r${round}-sql-h` }));
      }
      for (const [label, { cpu, results, eventsPerRequest }] of phases) cpuLines.push(cpuLine(label, cpu!, combineLoads(results).ok * eventsPerRequest));
      const phase = (label: string) => combineLoads(phases.get(label)!.results);
      const [hubSingle, sqlSingle, hubSpread, sqlSpread, minimalSpread, hubHot, sqlHot] = ["hub, single events", "SQL, single events", "hub, batches", "SQL, batches", "minimal SQL, batches", "hub, batches on one subscription", "SQL, batches on one subscription"].map(phase) as [LoadResult, LoadResult, LoadResult, LoadResult, LoadResult, LoadResult, LoadResult];

      log("COPY into an unindexed table");
      const copy = await baselineCopy(pool, { rows: n(1_000_000), concurrency: CONCURRENCY });

      const spreadRate = eventsPerSecond(hubSpread, BATCH);
      rows.push(
        throughputRow(`POST /events/batch (${BATCH} events, ${CONCURRENCY} clients)`, spreadRate, eventsPerSecond(sqlSpread, BATCH), "the hub's insert, 100 rows a statement", "≥ 0.7×"),
        throughputRow("POST /events (1 event)", eventsPerSecond(hubSingle, 1), eventsPerSecond(sqlSingle, 1), "the hub's insert, 1 row a statement", "≥ 0.5×"),
        throughputRow("POST /events/batch vs minimal SQL", spreadRate, eventsPerSecond(minimalSpread, BATCH), "key, event, rollup sum only, 100 rows a statement", "–"),
        throughputRow("POST /events/batch vs raw storage", spreadRate, eventsPerSecond(copy, 1), "COPY, unindexed table", "–"),
        throughputRow("hot subscription (all clients on one)", eventsPerSecond(hubHot, BATCH), spreadRate, "hub, spread", "≥ 0.5×"),
        throughputRow("hot subscription, hub vs SQL", eventsPerSecond(hubHot, BATCH), eventsPerSecond(sqlHot, BATCH), "the hub's insert, one subscription", "–"),
      );

      if (only === "writes") return client.close();
      const usageId = seeded.subscriptionIds.get("usage")!;
      // The bench plan is monthly and the subscription starts on the 1st: its open period is this month.
      const period = { start: seeded.subscriptionAt, end: new Date(Date.UTC(seeded.subscriptionAt.getUTCFullYear(), seeded.subscriptionAt.getUTCMonth() + 1, 1)) };
      const consoleApi = await signInBenchUser(opened.db, app.baseUrl);
      let loaded = 0;
      for (const volume of volumes) {
        log(`loading the usage period to ${volume.toLocaleString("en")} events`);
        const started = performance.now();
        await bulkLoadEvents({ db: opened.db, serviceId: seeded.serviceId, subscriptionId: usageId, from: period.start, until: new Date(), offset: loaded, count: volume - loaded });
        log(`loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
        loaded = volume;
        // Vacuumed as a live table would be: otherwise autovacuum takes its turn on the
        // fresh rows while the reads are timed, on the same two cores.
        await pool.query("VACUUM (ANALYZE)");
        const get = () => client.send("GET", "/api/v1/customers/cust-usage/current_usage?external_subscription_id=sub-usage");
        // A warm process, as one serving traffic is: in the first hundred requests V8 is
        // still compiling the path, and those took twice the CPU of the ones after.
        await runLoad({ requests: 100, concurrency: 1, send: get });
        // 200 reads, so that p99 is not simply the slowest of a handful.
        const reads = 200;
        const label = `${volume.toLocaleString("en")} events`;
        rows.push(latencyRow(`current usage, ${label} in the period`, await runLoad({ requests: reads, concurrency: 1, send: get }), await sqlUsageRead(pool, usageId, period, { daily: false, reads }), "p99 < 20 ms"));
        rows.push(latencyRow(`console: usage explorer, ${label}`, await hubExplorerRead(consoleApi, usageId), await sqlUsageRead(pool, usageId, period, { daily: true }), "p99 < 300 ms"));
      }

      const lines = n(100_000);
      log(`reconciliation run of ${lines.toLocaleString("en")} lines`);
      const reconciliation = await seedReconciliationRun(opened.db, lines);
      await client.close();
      rows.push(latencyRow(`console: reconciliation run, ${lines.toLocaleString("en")} lines, sorted + filtered`, await hubReconciliationRead(consoleApi, reconciliation), await sqlReconciliationRead(pool, reconciliation), "p99 < 300 ms"));
    });
  } finally {
    await app.stop();
    await opened.close();
    await database.drop();
  }
  console.log(`\nNexa Billing Hub benchmark, ${new Date().toISOString()}, ${CONCURRENCY} clients, scale ${scale}\n${hardware}\n`);
  console.log(markdownTable(rows));
  if (cpuLines.length) console.log(`\n${cpuLines.join("\n")}`);
}
const pushRows = only === "ingest" || only === "writes" ? [] : await benchUsagePush(n(1000));
if (pushRows.length) {
  console.log("\nUsage push to Odoo (simulator): calls and seconds per cron run");
  console.table(pushRows);
}
process.exit(0);
