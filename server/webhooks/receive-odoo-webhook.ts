import type { Db } from "~/server/db/client";
import type { OdooClient } from "~/server/odoo";
import { normalizeOdooWebhook } from "./normalize-odoo-webhook";
import { observeOdooRecords } from "./observe-odoo-records";
import type { WebhookSettings } from "./webhook-settings";

/**
 * An Odoo automation rule's "Send Webhook Notification": unsigned and fire-and-forget,
 * so only the record's identity is used and its state is re-read through the API.
 */
export async function receiveOdooWebhook(options: { db: Db; odoo: OdooClient; body: unknown; settings: WebhookSettings; now?: Date }) {
  const target = normalizeOdooWebhook(options.body);
  if (!target) return { ignored: true, observed: 0, events: [] as string[] };
  const { observed, events } = await observeOdooRecords({
    db: options.db,
    odoo: options.odoo,
    filter: { model: target.model, ids: [target.id] },
    source: "webhook",
    settings: options.settings,
    now: options.now,
  });
  return { ignored: false, observed, events: events.map((event) => event.kind) };
}
