import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { Db } from "~/server/db/client";
import { createUser } from "~/server/users/create-user";
import { consoleClient, signInOverHttp } from "~/tests/support/sign-in";
import { type LoadResult, runLoad } from "./load";

/*
 * Console reads over big data, as the screens ask for them over tRPC (a signed-in
 * session, superjson), and the SQL those reads come down to sent straight to PostgreSQL.
 */

const READS = 40;
const read = (send: () => Promise<unknown>, reads = READS) => runLoad({ requests: 5, concurrency: 1, send: async () => (await send(), true) })
  .then(() => runLoad({ requests: reads, concurrency: 1, send: async () => (await send(), true) }));

/** A finished reconciliation run of `lines` diff lines over 5 statuses, 3 services and 2 currencies. */
export async function seedReconciliationRun(db: Db, lines: number): Promise<string> {
  const [run] = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO reconciliation_runs (id, period_start, period_end, status, line_count, finished_at)
    VALUES (gen_random_uuid(), date_trunc('month', now()), date_trunc('month', now()) + interval '1 month', 'succeeded', ${lines}, now())
    RETURNING id::text`;
  await db.$executeRaw`
    INSERT INTO reconciliation_lines (id, run_id, service_code, customer_key, charge_key, status, currency,
                                      lago_units, lago_amount_cents, odoo_units, odoo_amount_cents, amount_diff_cents)
    SELECT gen_random_uuid(), ${run!.id}::uuid, (ARRAY['nexacloud', 'nexadesk', 'nexamaps'])[1 + g % 3], 'cust-' || (g / 7), 'metric-' || (g % 7),
           (ARRAY['match', 'amount_mismatch', 'units_mismatch', 'missing_in_lago', 'missing_in_odoo'])[1 + g % 5],
           (ARRAY['CAD', 'USD'])[1 + g % 2], (g % 1000)::text, g % 100000, (g % 997)::text, g % 99991, (g % 100000) - (g % 99991)
    FROM generate_series(1, ${lines}::int) AS g`;
  await db.$executeRaw`ANALYZE reconciliation_lines`;
  return run!.id;
}

export async function signInBenchUser(db: Db, baseUrl: string) {
  const email = `bench-${randomBytes(4).toString("hex")}@nexa.test`;
  const password = randomBytes(12).toString("hex");
  await createUser({ db, email, password, role: "admin" });
  const cookie = await signInOverHttp(baseUrl, email, password);
  if (!cookie) throw new Error("the bench user could not sign in");
  return consoleClient(baseUrl, cookie);
}

type Client = ReturnType<typeof consoleClient>;

/** The reconciliation screen: a page of lines sorted by the difference and filtered by status, with its totals. */
const linesQuery = { page: 3, pageSize: 50, sort: { id: "amountDiffCents", desc: true }, filters: [{ id: "status", value: "amount_mismatch" }], search: "" };

export async function hubReconciliationRead(client: Client, runId: string): Promise<LoadResult> {
  return read(() => Promise.all([
    client.reconciliation.listLines.query({ runId, query: linesQuery }),
    client.reconciliation.totals.query({ runId, query: { ...linesQuery, page: 0 } }),
  ]));
}

export async function sqlReconciliationRead(pool: pg.Pool, runId: string): Promise<LoadResult> {
  const where = `WHERE run_id = $1 AND status = 'amount_mismatch'`;
  return read(() => Promise.all([
    pool.query(`SELECT id, run_id, service_code, customer_key, charge_key, status, currency, lago_units, lago_amount_cents, odoo_units,
                       odoo_amount_cents, hub_units, hub_amount_cents, amount_diff_cents
                FROM reconciliation_lines ${where} ORDER BY amount_diff_cents DESC, id LIMIT 50 OFFSET 150`, [runId]),
    pool.query(`SELECT count(*) FROM reconciliation_lines ${where}`, [runId]),
    pool.query(`SELECT currency, count(*), sum(lago_amount_cents), sum(odoo_amount_cents), sum(hub_amount_cents), sum(amount_diff_cents)
                FROM reconciliation_lines ${where} GROUP BY currency ORDER BY currency`, [runId]),
  ]));
}

/** The usage explorer: the open period's priced charges and units per day. */
export async function hubExplorerRead(client: Client, subscriptionId: string): Promise<LoadResult> {
  return read(() => client.usage.periodUsage.query({ subscriptionId }));
}

/**
 * The SQL the hub's usage reads come down to. current_usage: the subscription with its
 * plan and charges (one statement, by id here), then the period's units. The explorer:
 * the units, and per day. Units come from the hourly rollups the ingestion statement
 * keeps current; the bench's period starts and ends on whole hours, so there are no
 * ragged edges to read from raw events.
 */
export async function sqlUsageRead(pool: pg.Pool, subscriptionId: string, period: { start: Date; end: Date }, options: { daily: boolean; reads?: number }): Promise<LoadResult> {
  const lookup = `SELECT s.id, s.status, s.billing_time, s.subscription_at, s.ending_at, s.terminated_at, p.interval, p.amount_currency, a.deleted_at,
                         (SELECT json_agg(json_build_object('id', c.id, 'chargeModel', c.charge_model, 'properties', c.properties, 'code', m.code,
                                                            'aggregationType', m.aggregation_type, 'fieldName', m.field_name) ORDER BY c.created_at, c.id)
                          FROM charges c JOIN billable_metrics m ON m.id = c.billable_metric_id WHERE c.plan_id = p.id)
                  FROM subscriptions s JOIN account_links a ON a.id = s.account_link_id JOIN plans p ON p.id = s.plan_id WHERE s.id = $1`;
  const total = `SELECT coalesce(sum(events_count), 0), coalesce(sum(sum_value), 0) FROM usage_rollups
                 WHERE subscription_id = $1 AND code = 'bench_units' AND hour >= $2 AND hour < $3`;
  const daily = `SELECT date_trunc('day', hour), sum(events_count), sum(sum_value) FROM usage_rollups
                 WHERE subscription_id = $1 AND code = 'bench_units' AND hour >= $2 AND hour < $3 GROUP BY 1 ORDER BY 1`;
  const span = [subscriptionId, period.start, period.end];
  return read(async () => {
    if (options.daily) return Promise.all([pool.query(total, span), pool.query(daily, span)]);
    await pool.query(lookup, [subscriptionId]);
    return pool.query(total, span);
  }, options.reads);
}
