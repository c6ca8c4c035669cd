import { startOdooSimulator } from "~/odoo-sim";
import { createBillableMetric } from "~/server/catalog/create-billable-metric";
import { createPlan } from "~/server/catalog/create-plan";
import { createDb, type Db } from "~/server/db/client";
import { upsertCustomer } from "~/server/identity/upsert-customer";
import { createOdooClient } from "~/server/odoo";
import { createService } from "~/server/services/create-service";
import { createSubscription } from "~/server/subscriptions/create-subscription";
import { runUsagePush } from "~/server/usage-push/run-usage-push";
import { ensurePartitions } from "~/server/usage/ensure-partitions";
import { rebuildRollups } from "~/server/usage/rebuild-rollups";
import { createTestDatabase } from "~/tests/support/app-server";

const METRICS = ["cpu_hours", "gb_stored", "api_calls"] as const;
const JANUARY = new Date("2026-01-01T00:00:00Z");
const FEBRUARY = new Date("2026-02-01T00:00:00Z");
const MARCH = new Date("2026-03-01T00:00:00Z");
const HOUR = 3_600_000;

async function seed(db: Db, subscriptions: number) {
  const { service } = await createService({ db, code: "bench-push", name: "Bench push" });
  for (const code of METRICS) await createBillableMetric({ db, input: { code, name: code, aggregationType: "sum_agg", fieldName: "units" } });
  await createPlan({ db, input: { code: "bench_push", name: "Bench push", interval: "monthly", amountCents: 1000n, amountCurrency: "CAD", charges: METRICS.map((code) => (
    { billableMetricCode: code, chargeModel: "standard" as const, properties: { amount: "0.10" } }
  )) } });
  const ids: string[] = [];
  for (let i = 0; i < subscriptions; i++) {
    await upsertCustomer({ db, serviceId: service.id, externalId: `cust-${i}`, fields: {} });
    const { subscription } = await createSubscription({ db, serviceId: service.id, input: { externalCustomerId: `cust-${i}`, planCode: "bench_push", externalId: `sub-${i}`, subscriptionAt: JANUARY } });
    ids.push(subscription.id);
  }
  // Two events per metric and month (January and February), in one statement.
  await ensurePartitions(db, [JANUARY, FEBRUARY]);
  await db.$executeRaw`
    INSERT INTO usage_events (id, service_id, transaction_id, subscription_id, code, "timestamp", properties)
    SELECT gen_random_uuid(), ${service.id}::uuid, s.id || '-' || m.code || '-' || k, s.id::uuid, m.code,
           ${JANUARY}::timestamptz + (k * 14 + 1) * interval '1 day', jsonb_build_object('units', k + 1)
    FROM unnest(${ids}::text[]) AS s(id) CROSS JOIN unnest(${[...METRICS]}::text[]) AS m(code) CROSS JOIN generate_series(0, 3) AS k`;
  await db.$executeRaw`
    INSERT INTO usage_event_keys (service_id, transaction_id, event_id, event_timestamp)
    SELECT service_id, transaction_id, id, "timestamp" FROM usage_events WHERE service_id = ${service.id}::uuid`;
  for (const subscriptionId of ids) await rebuildRollups({ db, subscriptionId });
}

/**
 * `npm run bench`'s usage-push table: Odoo calls and seconds for the cron runs of two
 * billing months of `subscriptions` subscriptions × 3 metrics against the simulator (the
 * first run also creates every partner and order; Odoo's recurring invoicing runs between).
 */
export async function benchUsagePush(subscriptions: number): Promise<Array<Record<string, string | number>>> {
  const database = await createTestDatabase("nexa_bench_push");
  const odooSim = await startOdooSimulator({ apiKey: "bench-odoo-key", today: "2026-01-01", activeCurrencies: ["CAD"] });
  const { db, close } = await createDb(database.url, { poolSize: 4 });
  const rows: Array<Record<string, string | number>> = [];
  try {
    console.log(`[bench] usage push: seeding ${subscriptions} subscriptions × ${METRICS.length} metrics`);
    await seed(db, subscriptions);
    const odoo = createOdooClient({ baseUrl: odooSim.url, apiKey: "bench-odoo-key", protocol: "json2" });
    const run = async (step: string, now: Date) => {
      const before = odooSim.requests().length;
      const started = performance.now();
      const summary = await runUsagePush({ db, odoo, now, leadHours: 48, maxAttempts: 10 });
      const seconds = (performance.now() - started) / 1000;
      const calls = odooSim.requests().length - before;
      const failed = summary.jobs.filter((job) => job.outcome === "failed" || job.outcome === "dead").length;
      rows.push({ step, subscriptions, "odoo calls": calls, "calls/subscription": (calls / subscriptions).toFixed(2), seconds: seconds.toFixed(1), jobs: summary.jobs.length, failed });
    };
    await run("first push (creates orders), January", new Date(FEBRUARY.getTime() + HOUR));
    await run("same run again, nothing changed", new Date(FEBRUARY.getTime() + 2 * HOUR));
    odooSim.runInvoicing("2026-02-01");
    await run("after Odoo invoiced January", new Date(FEBRUARY.getTime() + 26 * HOUR));
    await run("February closes", new Date(MARCH.getTime() + HOUR));
    odooSim.runInvoicing("2026-03-01");
    await run("after Odoo invoiced February", new Date(MARCH.getTime() + 26 * HOUR));
  } finally {
    await close();
    await odooSim.close();
    await database.drop();
  }
  return rows;
}
