import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OdooSimulator, startOdooSimulator } from "~/odoo-sim";
import { createDb, type Db } from "~/server/db/client";
import { ensureOdooSubscription, subscriptionForPush } from "~/server/usage-push/ensure-odoo-subscription";
import type { ImportIssue } from "~/server/lago-import/import-issue";
import type { ImportProgress } from "~/server/lago-import/import-progress";
import { openLagoImport } from "~/server/lago-import/open-lago-import";
import { runLagoImport } from "~/server/lago-import/run-lago-import";
import { createOdooClient, type OdooClient, writeUsageLine } from "~/server/odoo";
import { createReconciliationRun } from "~/server/reconciliation/create-reconciliation-run";
import { runReconciliation } from "~/server/reconciliation/run-reconciliation";
import { createService } from "~/server/services/create-service";
import { computePeriodUsage } from "~/server/usage/compute-period-usage";
import { ingestEvents } from "~/server/usage/ingest-events";
import { createTestDatabase } from "../support/app-server";
import {
  lagoCharge, lagoCustomer, lagoFee, lagoInvoice, lagoMetric, lagoPlan, lagoSubscription, lagoSubscriptionFee, type LagoPeer, startLagoPeer,
} from "../support/lago-peer";

/*
 * Dual run end to end: a Lago peer → import → the hub's usage pushed to the Odoo simulator
 * and invoiced by its recurring run → reconciliation of January 2025 → one line per
 * customer, each classification asserted.
 */
const JAN = new Date("2025-01-01T00:00:00Z");
const FEB = new Date("2025-02-01T00:00:00Z");
const ODOO_KEY = "recon-odoo-key";

/**
 * Lago's fee vs the hub's 10 events-units at $0.50 (= 500 cents) for each customer, and
 * Lago's subscription fee vs Odoo's fee line (the plan's 10.00, billed in arrears).
 */
const SCENARIO = [
  { customer: "c-match", lago: { units: "10.0", cents: 500, feeCents: 1000 }, odoo: true, expected: "match", feeExpected: "match" },
  { customer: "c-round-in", lago: { units: "10.0", cents: 501, feeCents: 1000 }, odoo: true, expected: "match", feeExpected: "match" },
  { customer: "c-round-over", lago: { units: "10.0", cents: 503, feeCents: 1000 }, odoo: true, expected: "amount_mismatch", feeExpected: "match" },
  // Lago billed a prorated fee where Odoo billed the whole one: a fee difference, like a charge's.
  { customer: "c-units", lago: { units: "12.0", cents: 600, feeCents: 900 }, odoo: true, expected: "units_mismatch", feeExpected: "amount_mismatch" },
  { customer: "c-no-odoo", lago: { units: "10.0", cents: 500, feeCents: 1000 }, odoo: false, expected: "missing_in_odoo", feeExpected: "missing_in_odoo" },
  { customer: "c-no-lago", lago: null, odoo: true, expected: "missing_in_lago", feeExpected: "missing_in_lago" },
] as const;

let database: { url: string; drop: () => Promise<void> };
let db: Db;
let closeDb: () => Promise<void>;
let peer: LagoPeer;
let simulator: OdooSimulator;
let odoo: OdooClient;

function seedLago() {
  const apiCalls = lagoMetric("api_calls");
  const storage = lagoMetric("storage_gb_hours", { aggregation: "weighted_sum_agg" });
  const seats = lagoMetric("seats", { filters: [{ key: "tier", values: ["pro"] }] });
  peer.data.billable_metrics.push(apiCalls, storage, seats);
  peer.data.plans.push(
    lagoPlan("cloud", [lagoCharge(apiCalls), lagoCharge(seats, { model: "percentage", properties: { rate: "1" } })]),
    lagoPlan("cloud_plus", [
      lagoCharge(apiCalls, { payInAdvance: true, filters: [{ invoice_display_name: null, properties: { amount: "1" }, values: { region: ["eu"] } }], properties: { amount: "0.50", pricing_group_keys: ["region"] } }),
      lagoCharge(storage),
    ], { trialPeriod: 14, minimumCommitment: { lago_id: "mc", amount_cents: 10_000, created_at: "2024-12-01T00:00:00Z" } }),
  );
  SCENARIO.forEach(({ customer, lago }, index) => {
    peer.data.customers.push(lagoCustomer(customer, index + 1));
    peer.data.subscriptions.push(lagoSubscription(`sub-${customer}`, customer, "cloud", JAN.toISOString()));
    if (lago) {
      const period = { customerId: customer, subscriptionId: `sub-${customer}`, from: "2025-01-01T00:00:00Z", to: "2025-01-31T23:59:59Z" };
      const fee = lagoFee({ ...period, metricCode: "api_calls", units: lago.units, amountCents: lago.cents });
      const subscriptionFee = lagoSubscriptionFee({ ...period, planCode: "cloud", amountCents: lago.feeCents });
      peer.data.invoices.push(lagoInvoice(`LAG-${index + 1}`, customer, "2025-02-01", [subscriptionFee, fee]));
    }
  });
}

beforeAll(async () => {
  database = await createTestDatabase("nexa_recon");
  ({ db, close: closeDb } = await createDb(database.url, { poolSize: 4 }));
  await createService({ db, code: "cloud", name: "NexaCloud" });
  await createService({ db, code: "desk", name: "NexaDesk" });
  peer = await startLagoPeer();
  simulator = await startOdooSimulator({ apiKey: ODOO_KEY, today: "2025-01-01" });
  odoo = createOdooClient({ baseUrl: simulator.url, apiKey: ODOO_KEY, protocol: "json2", retry: { baseDelayMs: 1 } });
  seedLago();
});

afterAll(async () => {
  await peer?.close();
  await simulator?.close();
  await closeDb?.();
  await database?.drop();
});

describe("Lago import", () => {
  it("resumes after Lago fails mid-pagination, without duplicates or refetching finished pages", async () => {
    peer.fail({ path: "/customers", page: 2, status: 500, times: 1 });
    const first = await openLagoImport({ db, serviceCode: "cloud", baseUrl: peer.url });
    expect(first.resumed).toBe(false);
    const failed = await runLagoImport({ db, run: first.run, apiKey: peer.apiKey, perPage: 2 });
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("500");
    const checkpoint = failed.progress as ImportProgress;
    expect(checkpoint.customers).toMatchObject({ page: 1, imported: 2, done: false });
    expect(checkpoint.plans).toMatchObject({ done: true, totalCount: 2 });

    const second = await openLagoImport({ db, serviceCode: "cloud", baseUrl: `${peer.url}/api/v1/` });
    expect(second).toMatchObject({ resumed: true, run: { id: first.run.id } });
    const done = await runLagoImport({ db, run: second.run, apiKey: peer.apiKey, perPage: 2 });
    expect(done.status).toBe("succeeded");
    const progress = done.progress as ImportProgress;
    expect(progress.customers).toEqual({ page: 3, totalPages: 3, totalCount: 6, imported: 6, done: true });
    expect(progress.invoices).toMatchObject({ totalCount: 5, imported: 5, done: true });

    expect(peer.requests.filter((r) => r.startsWith("/api/v1/billable_metrics?"))).toHaveLength(2); // 2 pages, once each
    expect(peer.requests.filter((r) => r.startsWith("/api/v1/customers?") && r.includes("page=2&"))).toHaveLength(2);
    const service = await db.service.findUniqueOrThrow({ where: { code: "cloud" } });
    expect(await db.accountLink.count({ where: { serviceId: service.id } })).toBe(6);
    expect(await db.subscription.count({ where: { serviceId: service.id } })).toBe(6);
    expect(await db.lagoInvoice.count()).toBe(5);
    expect(await db.lagoFee.count()).toBe(10);

    // A full rerun is a new run and changes nothing.
    const again = await openLagoImport({ db, serviceCode: "cloud", baseUrl: peer.url });
    expect(again.resumed).toBe(false);
    expect((await runLagoImport({ db, run: again.run, apiKey: peer.apiKey, perPage: 2 })).status).toBe("succeeded");
    expect(await db.accountLink.count({ where: { serviceId: service.id } })).toBe(6);
    expect(await db.lagoFee.count()).toBe(10);
    expect(await db.plan.count()).toBe(2);
  });

  it("reports every unsupported Lago feature in the run's report", async () => {
    const run = await db.lagoImportRun.findFirstOrThrow({ where: { status: "succeeded" }, orderBy: { createdAt: "asc" } });
    const report = run.report as unknown as ImportIssue[];
    const features = report.map((issue) => `${issue.resource}:${issue.id}:${issue.feature}`).sort();
    expect(features).toEqual([
      "billable_metrics:seats:metric_filters",
      "billable_metrics:storage_gb_hours:aggregation_type",
      "plans:cloud:charge_model",
      "plans:cloud_plus:charge_filters",
      "plans:cloud_plus:charge_metric",
      "plans:cloud_plus:minimum_commitment",
      "plans:cloud_plus:pay_in_advance_charge",
      "plans:cloud_plus:pricing_group_keys",
      "plans:cloud_plus:trial_period",
    ]);
    expect(report.find((issue) => issue.feature === "aggregation_type")).toMatchObject({ action: "skipped (with its charges)" });
    expect(await db.billableMetric.findUnique({ where: { code: "storage_gb_hours" } })).toBeNull();
    const plan = await db.plan.findUniqueOrThrow({ where: { code: "cloud" }, include: { charges: { include: { billableMetric: true } } } });
    expect(plan.charges.map((charge) => charge.billableMetric.code)).toEqual(["api_calls"]);
  });

  it("keeps a subscribed plan's interval when Lago's differs, and says so in the report", async () => {
    const lagoCloud = peer.data.plans.find((plan) => plan.code === "cloud")!;
    lagoCloud.interval = "yearly";
    try {
      const { run } = await openLagoImport({ db, serviceCode: "cloud", baseUrl: peer.url });
      const done = await runLagoImport({ db, run, apiKey: peer.apiKey });
      expect(done.status).toBe("succeeded");
      expect((done.report as unknown as ImportIssue[]).find((issue) => issue.feature === "interval")).toMatchObject({
        resource: "plans", id: "cloud", action: "kept the hub's value",
      });
      expect((await db.plan.findUniqueOrThrow({ where: { code: "cloud" } })).interval).toBe("monthly");
    } finally {
      lagoCloud.interval = "monthly";
    }
  });

  it("records a refused key as a failed run without ever writing the key", async () => {
    const { run } = await openLagoImport({ db, serviceCode: "desk", baseUrl: peer.url });
    const failed = await runLagoImport({ db, run, apiKey: "wrong-key-123" });
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("401");
    expect(JSON.stringify(failed)).not.toContain("wrong-key-123");
  });
});

describe("reconciliation of January 2025", () => {
  beforeAll(async () => {
    const subscriptions = await db.subscription.findMany({ where: { service: { code: "cloud" } }, include: subscriptionForPush });
    for (const subscription of subscriptions) {
      const ingested = await ingestEvents({
        db, serviceId: subscription.serviceId,
        events: [{ transactionId: `tx-${subscription.externalId}`, externalSubscriptionId: subscription.externalId, code: "api_calls", timestamp: Date.UTC(2025, 0, 10) / 1000, properties: { units: 10 } }],
        // Sent during the period, as the app did: the scenario does not age with the calendar.
        receivedAt: new Date(Date.UTC(2025, 0, 10, 12)), maxAgeDays: 1100,
      });
      expect(ingested.ok).toBe(true);
      if (!SCENARIO.find((row) => `sub-${row.customer}` === subscription.externalId)!.odoo) continue;
      // What the usage push does for a closed period: the period's amount as quantity 1 × price.
      const { lineIdByMetricCode } = await ensureOdooSubscription({ db, odoo, subscription });
      const usage = await computePeriodUsage({ db, subscription, period: { start: JAN, end: FEB } });
      await writeUsageLine(odoo, { lineId: lineIdByMetricCode.get("api_calls")!, quantity: 1, priceUnit: Number(usage.amountCents) / 100 });
    }
    const invoicing = await fetch(`${simulator.url}/__sim/run_invoicing`, { method: "POST", body: JSON.stringify({ today: "2025-02-01" }) });
    expect(invoicing.status).toBe(200);
  });

  it("classifies every customer and stores an immutable run with totals", async () => {
    const run = await createReconciliationRun({ db, from: JAN, to: FEB, toleranceCents: 1 });
    const finished = await runReconciliation({ db, odoo, run });
    expect(finished).toMatchObject({ status: "succeeded", error: null, lineCount: 12, matchCount: 5, amountMismatchCount: 2, unitsMismatchCount: 1, missingInLagoCount: 2, missingInOdooCount: 2 });

    const lines = await db.reconciliationLine.findMany({ where: { runId: run.id } });
    for (const row of SCENARIO) {
      const fee = lines.find((candidate) => candidate.customerKey === row.customer && candidate.chargeKey === "plan:cloud");
      expect(fee, `${row.customer} fee`).toMatchObject({ serviceCode: "cloud", status: row.feeExpected, hubAmountCents: null });
      expect(fee!.odooAmountCents).toBe(row.odoo ? 1000n : null);
      expect(fee!.lagoAmountCents).toBe(row.lago ? BigInt(row.lago.feeCents) : null);
      const line = lines.find((candidate) => candidate.customerKey === row.customer && candidate.chargeKey === "api_calls");
      expect(line, row.customer).toMatchObject({ serviceCode: "cloud", chargeKey: "api_calls", status: row.expected, hubUnits: "10", hubAmountCents: 500n });
      expect(line!.odooAmountCents).toBe(row.odoo ? 500n : null);
      expect(line!.lagoAmountCents).toBe(row.lago ? BigInt(row.lago.cents) : null);
    }
    const overTolerance = lines.find((line) => line.customerKey === "c-round-over")!;
    expect(overTolerance.amountDiffCents).toBe(3n);
    const raw = overTolerance.raw as { lago: Array<{ invoice: string }>; odoo: Array<{ match: { via: unknown } }>; hub: unknown[] };
    expect(raw.lago[0]!.invoice).toBe("LAG-3");
    expect(raw.odoo[0]!.match.via).toEqual({ charge: "product", customer: "order" });
    expect(raw.hub).toHaveLength(1);

    await expect(runReconciliation({ db, odoo, run })).rejects.toThrow(/already executed/);
  });

  it("re-running creates a new run; a wider tolerance turns the rounding diff into a match", async () => {
    const before = await db.reconciliationRun.count();
    const run = await runReconciliation({ db, odoo, run: await createReconciliationRun({ db, from: JAN, to: FEB, toleranceCents: 5, serviceCode: "cloud" }) });
    expect(await db.reconciliationRun.count()).toBe(before + 1);
    expect(run).toMatchObject({ status: "succeeded", matchCount: 6, amountMismatchCount: 1, unitsMismatchCount: 1 });
  });

  it("fails the run, keeping the error, when Odoo cannot be read", async () => {
    const offline = createOdooClient({ baseUrl: "http://127.0.0.1:9", apiKey: ODOO_KEY, protocol: "json2", maxRetries: 0, timeoutMs: 2000 });
    const run = await runReconciliation({ db, odoo: offline, run: await createReconciliationRun({ db, from: JAN, to: FEB, toleranceCents: 0 }) });
    expect(run.status).toBe("failed");
    expect(run.error).toBeTruthy();
    expect(await db.reconciliationLine.count({ where: { runId: run.id } })).toBe(0);
  });
});
