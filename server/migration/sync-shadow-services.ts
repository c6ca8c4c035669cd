import type { Db } from "~/server/db/client";
import { lagoApiRoot } from "~/server/lago-client/fetch-lago-json";
import { startLagoImport } from "~/server/lago-import/start-lago-import";
import { openSealedSecret } from "~/server/lib/sealed-secret";
import { startReconciliation } from "~/server/reconciliation/start-reconciliation";
import { dueReconciliationWindows, RECONCILE_MONTHS_BACK } from "./due-reconciliation-windows";

export interface ShadowSyncResult {
  /** Services whose delta import was queued (or a failed one resumed) by this run. */
  importsQueued: string[];
  /** `service:YYYY-MM-DD` of every month whose reconciliation this run queued. */
  reconciliationsQueued: string[];
  /** Services left alone this run, with why (no first import yet, an import still running, a cutover scheduled). */
  waiting: Array<{ service: string; why: string }>;
  errors: Array<{ subject: string; message: string }>;
}

/**
 * Keeps every shadow service in step with its Lago between the first import and the
 * cutover, so the gate is read from current numbers without anyone starting runs: each run
 * queues a delta import (new customers, subscriptions and invoices, with the key stored for
 * forwarding) and queues a reconciliation of every closed month whose Lago invoices an
 * import has read since it settled. Run by the `migration-sync` schedule; the jobs it
 * queues run on the worker, so a run returns at once, and running it again queues nothing
 * twice.
 *
 * Left alone: a service with no succeeded import (the first, full import is started by a
 * person, who chooses what to backfill), one whose import is queued or running, and one
 * with a cutover scheduled — its gate was green when it was scheduled, and Lago now ends
 * its subscriptions at the boundary, which a delta would bring back as terminations.
 */
export async function syncShadowServices(options: { db: Db; sealingKey: Buffer; now?: Date }): Promise<ShadowSyncResult> {
  const { db, sealingKey } = options;
  const now = options.now ?? new Date();
  const result: ShadowSyncResult = { importsQueued: [], reconciliationsQueued: [], waiting: [], errors: [] };
  const services = await db.service.findMany({
    where: { billingMode: "shadow", active: true, lagoApiUrl: { not: null }, lagoApiKeySealed: { not: null } },
    select: { id: true, code: true, lagoApiUrl: true, lagoApiKeySealed: true, gateToleranceCents: true, cutoverAt: true },
    orderBy: { code: "asc" },
  });
  for (const service of services) {
    if (service.cutoverAt) {
      result.waiting.push({ service: service.code, why: `cutover scheduled at ${service.cutoverAt.toISOString()}` });
      continue;
    }
    try {
      const baseUrl = lagoApiRoot(service.lagoApiUrl!);
      const runs = await db.lagoImportRun.findMany({ where: { serviceId: service.id, baseUrl }, orderBy: { createdAt: "desc" }, take: 20, select: { status: true, finishedAt: true } });
      const imported = runs.find((run) => run.status === "succeeded");
      if (!imported) {
        result.waiting.push({ service: service.code, why: "no import has succeeded yet: start the first one from the console" });
        continue;
      }
      await queueDueReconciliations({ db, service, importedAt: imported.finishedAt, now, result });
      if (runs[0]!.status === "queued" || runs[0]!.status === "running") {
        result.waiting.push({ service: service.code, why: `an import is ${runs[0]!.status}` });
        continue;
      }
      const apiKey = openSealedSecret(service.lagoApiKeySealed!, sealingKey);
      if (apiKey === null) throw new Error("the stored Lago API key could not be read back (was NEXTAUTH_SECRET changed?): enter it again on the service");
      await startLagoImport({ db, serviceCode: service.code, baseUrl, apiKey, sealingKey, scope: "delta" });
      result.importsQueued.push(service.code);
    } catch (error) {
      result.errors.push({ subject: service.code, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

async function queueDueReconciliations(options: {
  db: Db;
  service: { id: string; code: string; gateToleranceCents: number };
  importedAt: Date | null;
  now: Date;
  result: ShadowSyncResult;
}) {
  const { db, service, now } = options;
  const earliest = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - RECONCILE_MONTHS_BACK, 1));
  const [first, runs] = await Promise.all([
    db.subscription.findFirst({ where: { serviceId: service.id }, orderBy: { subscriptionAt: "asc" }, select: { subscriptionAt: true } }),
    db.reconciliationRun.findMany({
      where: { OR: [{ serviceId: service.id }, { serviceId: null }], status: { not: "failed" }, periodEnd: { gt: earliest } },
      select: { periodStart: true, periodEnd: true, createdAt: true },
    }),
  ]);
  const due = dueReconciliationWindows({
    firstSubscriptionAt: first?.subscriptionAt ?? null,
    importedAt: options.importedAt,
    now,
    runs: runs.map((run) => ({ start: run.periodStart, end: run.periodEnd, createdAt: run.createdAt })),
  });
  for (const window of due) {
    await startReconciliation({ db, from: window.start, to: window.end, toleranceCents: service.gateToleranceCents, serviceCode: service.code });
    options.result.reconciliationsQueued.push(`${service.code}:${window.start.toISOString().slice(0, 10)}`);
  }
}
