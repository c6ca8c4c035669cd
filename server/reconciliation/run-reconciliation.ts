import type { Prisma, ReconciliationRun } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { badRequest } from "~/server/errors";
import { toPlainJson } from "~/server/lib/plain-json";
import type { OdooClient } from "~/server/odoo";
import { collectHubEntries } from "./collect-hub-entries";
import { collectLagoEntries } from "./collect-lago-entries";
import { collectOdooEntries } from "./collect-odoo-entries";
import { countLineStatuses } from "./count-line-statuses";
import { diffEntries } from "./diff-entries";
import type { DiffLine, SideEntry } from "./line-status";

const CHUNK = 500;

const toRow = (runId: string, line: DiffLine): Prisma.ReconciliationLineCreateManyInput => ({
  runId,
  serviceCode: line.serviceCode,
  customerKey: line.customerKey,
  chargeKey: line.chargeKey,
  status: line.status,
  currency: line.lago?.currency ?? line.odoo?.currency ?? line.hub?.currency ?? null,
  lagoUnits: line.lago?.units ?? null,
  lagoAmountCents: line.lago?.amountCents ?? null,
  odooUnits: line.odoo?.units ?? null,
  odooAmountCents: line.odoo?.amountCents ?? null,
  hubUnits: line.hub?.units ?? null,
  hubAmountCents: line.hub?.amountCents ?? null,
  amountDiffCents: line.amountDiffCents,
  // Amounts in raw data are bigints: written as strings.
  raw: toPlainJson({ lago: line.lago?.raws ?? [], odoo: line.odoo?.raws ?? [], hub: line.hub?.raws ?? [] }) as Prisma.InputJsonValue,
});

/**
 * Executes a queued run once: reads the three sides, diffs them (pure), stores every line
 * and the per-status totals in one transaction, and closes the run. A failure closes it
 * as failed with the error and no lines; the operator starts a new run.
 */
export async function runReconciliation(options: { db: Db; odoo: OdooClient; run: ReconciliationRun }): Promise<ReconciliationRun> {
  const { db, odoo, run } = options;
  const claimed = await db.reconciliationRun.updateMany({ where: { id: run.id, status: "running", finishedAt: null, lineCount: 0, progress: "queued" }, data: { progress: "reading Lago fees" } });
  if (claimed.count === 0) throw badRequest(`reconciliation run ${run.id} was already executed`);
  const step = (progress: string) => db.reconciliationRun.update({ where: { id: run.id }, data: { progress } });
  try {
    const window = { db, from: run.periodStart, to: run.periodEnd, serviceIds: run.serviceId ? [run.serviceId] : null };
    const lago = await collectLagoEntries(window);
    await step("reading Odoo invoices");
    const odooAll = await collectOdooEntries({ db, odoo, from: run.periodStart, to: run.periodEnd });
    await step("computing hub usage");
    const hub = await collectHubEntries(window);
    await step("diffing");
    const service = run.serviceId ? await db.service.findUniqueOrThrow({ where: { id: run.serviceId }, select: { code: true } }) : null;
    // Odoo is shared by every service: keep its unmatched lines only when the run covers all services.
    const odooEntries: SideEntry[] = service ? odooAll.filter((entry) => entry.serviceCode === service.code) : odooAll;
    const lines = diffEntries({ lago, odoo: odooEntries, hub, toleranceCents: BigInt(run.toleranceCents) });
    const counts = countLineStatuses(lines);
    return await db.$transaction(async (tx) => {
      for (let index = 0; index < lines.length; index += CHUNK) {
        await tx.reconciliationLine.createMany({ data: lines.slice(index, index + CHUNK).map((line) => toRow(run.id, line)) });
      }
      return tx.reconciliationRun.update({
        where: { id: run.id },
        data: {
          status: "succeeded",
          progress: null,
          finishedAt: new Date(),
          lineCount: lines.length,
          matchCount: counts.match,
          amountMismatchCount: counts.amount_mismatch,
          unitsMismatchCount: counts.units_mismatch,
          missingInLagoCount: counts.missing_in_lago,
          missingInOdooCount: counts.missing_in_odoo,
        },
      });
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return db.reconciliationRun.update({ where: { id: run.id }, data: { status: "failed", progress: null, error: message.slice(0, 2000), finishedAt: new Date() } });
  }
}
