/** Lifecycle webhooks: Odoo changes in, signed Lago-compatible webhooks out (see README). */
export { buildEnvelopes, type Envelope, odooRecordUuid } from "./build-envelopes";
export { type ClaimedDelivery, claimDeliveries } from "./claim-deliveries";
export { classifyTransition, WEBHOOK_TYPES } from "./classify-transition";
export { type DeliveryOutcome, deliverWebhook } from "./deliver-webhook";
export { drainWebhooks } from "./drain-webhooks";
export { findWebhookTargets, type WebhookTarget } from "./find-webhook-targets";
export { getWebhookDelivery, type WebhookDeliveryDetail } from "./get-webhook-delivery";
export type { LifecycleKind, LifecycleSource, OdooObservation, WatchedModel, WebhookType } from "./lifecycle-types";
export { normalizeOdooWebhook } from "./normalize-odoo-webhook";
export { observeOdooRecords } from "./observe-odoo-records";
export { planRetry, WEBHOOK_BACKOFF } from "./plan-retry";
export { pollOdooLifecycle } from "./poll-odoo-lifecycle";
export { type ObservationFilter, readOdooObservations } from "./read-odoo-observations";
export { receiveOdooWebhook } from "./receive-odoo-webhook";
export { recordLifecycleEvent } from "./record-lifecycle-event";
export { replayDeadWebhookDeliveries } from "./replay-dead-webhook-deliveries";
export { replayWebhookDelivery } from "./replay-webhook-delivery";
export { signWebhook } from "./sign-webhook";
