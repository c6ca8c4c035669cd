import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { metrics } from "~/server/lib/metrics";
import { createOdooClient, type OdooClient } from "./client";
import { isOdooError } from "./errors";

/** Every call's latency, and its failures by kind, into the process's metrics. */
function observeOdooCall(info: { model: string; method: string; seconds: number; error?: unknown }): void {
  const { model, method } = info;
  const kind = info.error === undefined ? null : isOdooError(info.error) ? info.error.kind : "aborted";
  metrics().odooCallSeconds.observe({ model, method, outcome: kind === null ? "ok" : "error" }, info.seconds);
  if (kind !== null) metrics().odooCallErrors.inc({ model, method, kind });
}

/** The Odoo client the app uses, configured from ODOO_* settings. */
export function odooClientFromEnv(): OdooClient {
  const settings = env();
  if (!settings.ODOO_URL || !settings.ODOO_API_KEY) {
    throw new AppError("unavailable", "Odoo is not configured: set ODOO_URL and ODOO_API_KEY");
  }
  return createOdooClient({
    baseUrl: settings.ODOO_URL,
    apiKey: settings.ODOO_API_KEY,
    database: settings.ODOO_DATABASE,
    protocol: settings.ODOO_PROTOCOL,
    login: settings.ODOO_LOGIN,
    timeoutMs: settings.ODOO_TIMEOUT_MS,
    onCallEnd: observeOdooCall,
  });
}

/** The app's Odoo client, or null when ODOO_URL is unset: features that only check with Odoo then skip it. */
export const configuredOdooClient = (): OdooClient | null => (env().ODOO_URL ? odooClientFromEnv() : null);

/** Refuses (the same 503) when Odoo is not configured, for work queued now that will need Odoo when it runs. */
export const assertOdooConfigured = (): void => void odooClientFromEnv();
