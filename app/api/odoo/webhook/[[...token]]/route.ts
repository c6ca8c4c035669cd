import { env } from "~/server/env";
import { odooWebhookRoute } from "~/server/http/odoo-webhook-route";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { receiveOdooWebhook, webhookSettings } from "~/server/webhooks";

export const dynamic = "force-dynamic";

/**
 * POST /api/odoo/webhook/<ODOO_WEBHOOK_SECRET> (or /api/odoo/webhook with an
 * `x-odoo-webhook-secret` header): Odoo automation rules' "Send Webhook Notification"
 * for account.move payment_state and sale.order subscription_state changes.
 */
export const POST = odooWebhookRoute(async ({ db, body }) => receiveOdooWebhook({ db, settings: webhookSettings(env()), odoo: odooClientFromEnv(), body }));
