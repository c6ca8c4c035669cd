import type { LagoImportRun } from "~/generated/prisma/client";
import { canAccess } from "~/server/auth/roles";
import type { CatalogWriter } from "~/server/catalog/catalog-writer";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { upsertCustomer } from "~/server/identity/upsert-customer";
import { SUBSCRIPTION_STATUSES } from "~/server/lago-api/subscription-wire";
import type { LagoConnection } from "~/server/lago-client/fetch-lago-json";
import { importLagoPages, type PageImport } from "./import-lago-pages";
import { IMPORT_SCOPES, importScopeOf, type LagoResource, type ResourceProgress } from "./import-progress";
import { lagoCreditNoteSchema, lagoCustomerSchema, lagoEventSchema, lagoInvoiceSchema, lagoMetricSchema, lagoPlanSchema, lagoSubscriptionSchema } from "./lago-wire";
import { backfillFrom } from "./backfill-from";
import { importLagoEvent } from "./import-lago-event";
import { mapLagoCustomer } from "./map-lago-customer";
import { storeLagoInvoice } from "./store-lago-invoice";
import { storeLagoCreditNote } from "./store-lago-credit-note";
import { upsertLagoMetric } from "./upsert-lago-metric";
import { upsertLagoPlan } from "./upsert-lago-plan";
import { upsertLagoSubscription } from "./upsert-lago-subscription";

type Common = Pick<PageImport<unknown>, "db" | "runId" | "connection" | "perPage" | "onProgress">;

/** Every Lago subscription state; Lago's list returns only active ones unless asked. */
const ALL_SUBSCRIPTION_STATUSES = SUBSCRIPTION_STATUSES.map((status) => `status[]=${status}`).join("&");

/**
 * Runs (or resumes) one import: billable metrics, plans with charges, customers,
 * subscriptions, the events of the open periods (backfillFrom), then invoices with fees
 * and the credit notes taken back from those fees,
 * each paginated from its checkpoint; a delta run only the resources of its scope. A failure
 * marks the run failed with the error (never the API key); the next import of the same
 * service and Lago instance continues from the last completed page.
 *
 * Catalog changes are made with the authority of `startedBy`, the console user who started
 * the import: it must (still) be an active user whose role owns the catalog, and each
 * changed plan and metric is audited with it as the actor. Without it (the CLI, run from
 * the operator's shell) the changes are not audited.
 */
export async function runLagoImport(options: {
  db: Db;
  run: LagoImportRun;
  /** The key is used for these requests only and never stored or logged. */
  apiKey: string;
  startedBy?: string;
  perPage?: number;
  onProgress?: (resource: LagoResource, progress: ResourceProgress) => void;
}): Promise<LagoImportRun> {
  const { db, run } = options;
  const connection: LagoConnection = { baseUrl: run.baseUrl, apiKey: options.apiKey };
  const common: Common = { db, runId: run.id, connection, perPage: options.perPage ?? 100, onProgress: options.onProgress };
  const serviceId = run.serviceId;
  await db.lagoImportRun.update({ where: { id: run.id }, data: { status: "running", error: null, finishedAt: null } });
  // The window of this run; a resumed import's window may start later, harmless as events are idempotent.
  const eventsFrom = backfillFrom(run.createdAt);
  try {
    const scope: readonly LagoResource[] = IMPORT_SCOPES[importScopeOf(run.scope)];
    const writer = scope.includes("plans") ? await catalogWriterOf(db, options.startedBy) : undefined;
    const steps: Record<LagoResource, () => Promise<unknown>> = {
      billable_metrics: () => importLagoPages({ ...common, resource: "billable_metrics", schema: lagoMetricSchema, importItem: (metric) => upsertLagoMetric({ db, metric, serviceId, writer }) }),
      plans: () => importLagoPages({ ...common, resource: "plans", schema: lagoPlanSchema, importItem: (plan) => upsertLagoPlan({ db, plan, serviceId, writer }) }),
      customers: () =>
        importLagoPages({
          ...common,
          resource: "customers",
          schema: lagoCustomerSchema,
          importItem: async (customer) => {
            await upsertCustomer({ db, serviceId, externalId: customer.external_id, fields: mapLagoCustomer(customer) });
            return [];
          },
        }),
      subscriptions: () =>
        importLagoPages({
          ...common,
          resource: "subscriptions",
          query: ALL_SUBSCRIPTION_STATUSES,
          schema: lagoSubscriptionSchema,
          importItem: (subscription) => upsertLagoSubscription({ db, serviceId, subscription }),
        }),
      events: () =>
        importLagoPages({
          ...common,
          resource: "events",
          query: `timestamp_from=${encodeURIComponent(eventsFrom.toISOString())}`,
          schema: lagoEventSchema,
          importItem: (event) => importLagoEvent({ db, serviceId, event }),
        }),
      invoices: () =>
        importLagoPages({
          ...common,
          resource: "invoices",
          schema: lagoInvoiceSchema,
          importItem: (invoice) => storeLagoInvoice({ db, serviceId, connection, listed: invoice }),
        }),
      credit_notes: () =>
        importLagoPages({
          ...common,
          resource: "credit_notes",
          schema: lagoCreditNoteSchema,
          importItem: (note) => storeLagoCreditNote({ db, serviceId, note }),
        }),
    };
    for (const resource of scope) await steps[resource]();
    return await db.lagoImportRun.update({ where: { id: run.id }, data: { status: "succeeded", finishedAt: new Date() } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return db.lagoImportRun.update({ where: { id: run.id }, data: { status: "failed", error: message.slice(0, 2000), finishedAt: new Date() } });
  }
}

async function catalogWriterOf(db: Db, userId: string | undefined): Promise<CatalogWriter | undefined> {
  if (!userId) return undefined;
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
  if (!user?.active || !canAccess(user.role, "catalog")) throw new AppError("forbidden", "the user who started this import may not change the catalog");
  return { kind: "user", userId };
}
