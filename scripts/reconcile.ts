import { parseArgs } from "node:util";
import { createDb } from "~/server/db/client";
import { env } from "~/server/env";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { createReconciliationRun } from "~/server/reconciliation/create-reconciliation-run";
import { runReconciliation } from "~/server/reconciliation/run-reconciliation";

/*
 * npm run reconcile -- --from YYYY-MM-DD --to YYYY-MM-DD [--tolerance-cents N] [--service <code>]
 * Reconciles imported Lago fees, Odoo invoices and the hub's computation for [from, to);
 * every run is stored as a new, immutable run. Reads DATABASE_URL and ODOO_* like the app.
 */
const { values } = parseArgs({
  options: { from: { type: "string" }, to: { type: "string" }, "tolerance-cents": { type: "string", default: "0" }, service: { type: "string" } },
});
const DAY = /^\d{4}-\d{2}-\d{2}$/;
if (!values.from || !values.to || !DAY.test(values.from) || !DAY.test(values.to) || !/^\d+$/.test(values["tolerance-cents"])) {
  console.error("usage: npm run reconcile -- --from YYYY-MM-DD --to YYYY-MM-DD [--tolerance-cents N] [--service <code>]");
  process.exit(2);
}
const { db, close } = await createDb(env().DATABASE_URL);
try {
  const run = await createReconciliationRun({
    db,
    from: new Date(`${values.from}T00:00:00.000Z`),
    to: new Date(`${values.to}T00:00:00.000Z`),
    toleranceCents: Number(values["tolerance-cents"]),
    serviceCode: values.service ?? null,
    startedBy: "cli",
  });
  console.log(`Reconciliation run ${run.id}: [${values.from}, ${values.to}), tolerance ${run.toleranceCents} minor units`);
  const finished = await runReconciliation({ db, odoo: odooClientFromEnv(), run });
  if (finished.status !== "succeeded") {
    console.error(`Run failed: ${finished.error}`);
    process.exitCode = 1;
  } else {
    console.table({
      lines: finished.lineCount, match: finished.matchCount, amount_mismatch: finished.amountMismatchCount,
      units_mismatch: finished.unitsMismatchCount, missing_in_lago: finished.missingInLagoCount, missing_in_odoo: finished.missingInOdooCount,
    });
    const diffs = await db.reconciliationLine.findMany({ where: { runId: run.id, status: { not: "match" } }, orderBy: [{ serviceCode: "asc" }, { customerKey: "asc" }], take: 50 });
    if (diffs.length) {
      console.table(diffs.map((line) => ({
        service: line.serviceCode, customer: line.customerKey, charge: line.chargeKey, status: line.status,
        lago: line.lagoAmountCents?.toString() ?? "-", odoo: line.odooAmountCents?.toString() ?? "-", hub: line.hubAmountCents?.toString() ?? "-",
        lago_units: line.lagoUnits ?? "-", hub_units: line.hubUnits ?? "-",
      })));
    }
  }
} finally {
  await close();
}
