import type { Env } from "~/server/env";

/**
 * What the lifecycle webhooks run with, read from the environment at the edge (routes,
 * CLIs) and passed in, so the domain never reads settings itself.
 */
export interface WebhookSettings {
  /** `organization_id` of the Lago-compatible envelopes. */
  organizationId: string;
  /** A delivery is retried this long, then dead-lettered; a replay opens a fresh window. */
  retryWindowHours: number;
  /** Per-attempt HTTP timeout. */
  timeoutMs: number;
  /** How far back the poller re-reads Odoo invoices. */
  pollLookbackDays: number;
}

export const webhookSettings = (settings: Env): WebhookSettings => ({
  organizationId: settings.WEBHOOK_ORGANIZATION_ID,
  retryWindowHours: settings.WEBHOOK_RETRY_WINDOW_HOURS,
  timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
  pollLookbackDays: settings.ODOO_POLL_LOOKBACK_DAYS,
});
