import { type OdooSimulator, startOdooSimulator } from "~/odoo-sim";
import { createDb, type Db } from "~/server/db/client";
import { createService } from "~/server/services/create-service";
import { createTestDatabase, type RunningApp, startApp } from "./app-server";
import { apiClient } from "./fixtures";

export const STACK_CRON_SECRET = "stack-cron-secret-0123456789";
export const STACK_ODOO_API_KEY = "stack-odoo-api-key";
export const STACK_ODOO_ADMIN_KEY = "stack-odoo-admin-key";

export interface IsolatedStack {
  app: RunningApp;
  /** The app's settings, to start another instance beside it on the same database and Odoo. */
  appEnv: Record<string, string>;
  odoo: OdooSimulator;
  db: Db;
  /** POSTs a cron route with the stack's secret. */
  cron: (path: string) => Promise<{ status: number; body: any }>;
  /** A service with its own key and a Lago API client for it. */
  service: (code: string) => Promise<{ serviceId: string; apiKey: string; api: ReturnType<typeof apiClient> }>;
  stop: () => Promise<void>;
}

/**
 * A private database, Odoo simulator and `next start` wired to both, for scenario tests
 * whose cron runs must see only their own subscriptions.
 */
export async function startIsolatedStack(
  options: { env?: Record<string, string>; odooToday?: string; odooActiveCurrencies?: string[] } = {},
): Promise<IsolatedStack> {
  const database = await createTestDatabase("nexa_stack");
  // The suites' plans are in CAD: an Odoo that bills them has CAD active (besides its USD).
  const odoo = await startOdooSimulator({
    apiKey: STACK_ODOO_API_KEY, adminApiKey: STACK_ODOO_ADMIN_KEY, today: options.odooToday, activeCurrencies: options.odooActiveCurrencies ?? ["CAD"],
  });
  const appEnv = { DATABASE_URL: database.url, ODOO_URL: odoo.url, ODOO_API_KEY: STACK_ODOO_API_KEY, CRON_SECRET: STACK_CRON_SECRET, ...options.env };
  const app = await startApp(appEnv);
  const { db, close } = await createDb(database.url, { poolSize: 4 });
  return {
    app,
    appEnv,
    odoo,
    db,
    cron: async (path) => {
      const response = await fetch(`${app.baseUrl}${path}`, { method: "POST", headers: { "x-cron-secret": STACK_CRON_SECRET } });
      return { status: response.status, body: await response.json() };
    },
    service: async (code) => {
      const { service, apiKey } = await createService({ db, code, name: code });
      return { serviceId: service.id, apiKey, api: apiClient(apiKey, app.baseUrl) };
    },
    stop: async () => {
      await app.stop();
      await odoo.close();
      await close();
      await database.drop();
    },
  };
}
