import type { Env } from "~/server/env";
import type { OutboundPolicy } from "~/server/lib/outbound-url";
import { webhookUrlPolicy } from "~/server/services/webhook-url-policy";
import type { JwtSigner } from "./sign-webhook";
import { webhookSigningKey } from "./webhook-signing-key";

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
  /** Where deliveries may go (the address guard's allowlist). */
  urlPolicy: OutboundPolicy;
  /** How far back the poller re-reads Odoo invoices. */
  pollLookbackDays: number;
  /** The key and `iss` of `jwt` signatures; built on first use, so hmac-only setups never load a key. */
  jwtSigner: () => JwtSigner;
}

export const webhookSettings = (settings: Env): WebhookSettings => ({
  organizationId: settings.WEBHOOK_ORGANIZATION_ID,
  retryWindowHours: settings.WEBHOOK_RETRY_WINDOW_HOURS,
  timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
  urlPolicy: webhookUrlPolicy(settings),
  pollLookbackDays: settings.ODOO_POLL_LOOKBACK_DAYS,
  // Lago's issuer is its API URL (LAGO_API_URL); the hub's, its own public address.
  jwtSigner: () => ({
    privateKey: webhookSigningKey(settings.WEBHOOK_RSA_PRIVATE_KEY).privateKey,
    issuer: settings.WEBHOOK_JWT_ISSUER ?? settings.PUBLIC_URL ?? settings.WEBHOOK_ORGANIZATION_ID,
  }),
});
