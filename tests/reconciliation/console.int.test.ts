import { beforeAll, describe, expect, inject, it } from "vitest";
import { signedInAs, trpcCode } from "../support/console-session";
import { testDb, uniqueCode } from "../support/fixtures";

/* The reconciliation screens' server side over real HTTP: role checks, filters, drill-down, CSV. */
const baseUrl = () => inject("baseUrl");

describe("reconciliation console", () => {
  let ops: Awaited<ReturnType<typeof signedInAs>>;
  let finance: Awaited<ReturnType<typeof signedInAs>>;
  let runId: string;
  const customer = uniqueCode("cust");

  beforeAll(async () => {
    [ops, finance] = await Promise.all([signedInAs("ops"), signedInAs("finance")]);
    const db = await testDb();
    const line = (customerKey: string, status: string, lago: bigint | null, odoo: bigint | null) => ({
      serviceCode: "cloud", customerKey, chargeKey: "api_calls", status, currency: "USD", lagoUnits: "10", lagoAmountCents: lago,
      odooAmountCents: odoo, hubUnits: "10", hubAmountCents: odoo, amountDiffCents: (lago ?? 0n) - (odoo ?? 0n), raw: { lago: [{ invoice: "LAG-1" }], odoo: [], hub: [] },
    });
    const run = await db.reconciliationRun.create({
      data: {
        periodStart: new Date("2024-03-01T00:00:00Z"), periodEnd: new Date("2024-04-01T00:00:00Z"), status: "succeeded", lineCount: 3, matchCount: 1, amountMismatchCount: 1, missingInOdooCount: 1,
        finishedAt: new Date(),
        lines: { create: [line(customer, "match", 500n, 500n), line(`${customer}-b`, "amount_mismatch", 503n, 500n), line(`=${customer}-c`, "missing_in_odoo", 500n, null)] },
      },
    });
    runId = run.id;
  });

  it("lets ops list runs, filter and sort lines, and open one line's raw data", async () => {
    const runs = await ops.client.reconciliation.listRuns.query({ pageSize: 100 });
    expect(runs.rows.find((run) => run.id === runId)).toMatchObject({ matchCount: 1, amountMismatchCount: 1 });
    const mismatches = await ops.client.reconciliation.listLines.query({ runId, query: { filters: [{ id: "status", value: "amount_mismatch" }] } });
    expect(mismatches.rows.map((row) => [row.customerKey, row.amountDiffCents])).toEqual([[`${customer}-b`, 3n]]);
    const sorted = await ops.client.reconciliation.listLines.query({ runId, query: { sort: { id: "amountDiffCents", desc: true } } });
    expect(sorted.rows[0]!.status).toBe("missing_in_odoo");
    const line = await ops.client.reconciliation.getLine.query({ id: mismatches.rows[0]!.id });
    expect(line.raw).toMatchObject({ lago: [{ invoice: "LAG-1" }] });
    expect(await ops.client.reconciliation.serviceCodes.query({ runId })).toEqual(["cloud"]);
    expect((await ops.client.reconciliation.trend.query()).some((point) => point.runId === runId)).toBe(true);
  });

  it("refuses the finance role and anonymous callers, on tRPC and on the CSV export", async () => {
    expect(await trpcCode(finance.client.reconciliation.listRuns.query({}))).toBe("FORBIDDEN");
    expect((await fetch(`${baseUrl()}/reconciliation/export/${runId}`, { headers: { cookie: finance.cookie } })).status).toBe(403);
    expect((await fetch(`${baseUrl()}/reconciliation/export/${runId}`)).status).toBe(401);
  });

  it("streams the filtered lines as CSV, defusing formula-like cells", async () => {
    const response = await fetch(`${baseUrl()}/reconciliation/export/${runId}?status=missing_in_odoo`, { headers: { cookie: ops.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const rows = (await response.text()).trim().split("\r\n");
    expect(rows[0]).toBe("service,customer,charge,status,currency,lago_units,lago_amount_cents,odoo_units,odoo_amount_cents,hub_units,hub_amount_cents,lago_minus_odoo_cents");
    expect(rows.slice(1)).toEqual([`cloud,'=${customer}-c,api_calls,missing_in_odoo,USD,10,500,,,10,,500`]);
    expect((await fetch(`${baseUrl()}/reconciliation/export/00000000-0000-0000-0000-000000000000`, { headers: { cookie: ops.cookie } })).status).toBe(404);
  });
});
