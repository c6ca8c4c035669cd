import type { LifecycleEvent, Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { readUsageUnits } from "~/server/invoices/describe-invoices";
import { endOrderSubscriptions } from "~/server/subscriptions/end-order-subscriptions";
import { reopenOrderSubscriptions } from "~/server/subscriptions/reopen-order-subscriptions";
import { buildEnvelopes } from "./build-envelopes";
import { classifyTransition } from "./classify-transition";
import { findWebhookTargets } from "./find-webhook-targets";
import type { LifecycleSource, OdooObservation } from "./lifecycle-types";
import type { WebhookSettings } from "./webhook-settings";

type StateRow = { state: string; version: number; observed_at: Date };

/**
 * Applies one Odoo observation: if it is a lifecycle transition, stores the event and
 * one outbox delivery per envelope per subscribed service customer IN ONE TRANSACTION,
 * so an event is never recorded without its deliveries (nor the reverse). The record's
 * state row is locked first: the webhook and the poller seeing the same change record
 * it once, and a read that began before the applied one is ignored.
 */
export async function recordLifecycleEvent(options: {
  db: Db;
  observation: OdooObservation;
  /** When the Odoo read began (not when it ended): orders concurrent observers. */
  observedAt: Date;
  source: LifecycleSource;
  settings: WebhookSettings;
  /** Scheduling clock for the deliveries (default now). */
  now?: Date;
}): Promise<LifecycleEvent | null> {
  const { db, observation, observedAt, source, settings } = options;
  const now = options.now ?? new Date();
  const { model, id, state } = observation;
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO odoo_record_states (odoo_model, odoo_id, state, version, observed_at, updated_at)
      VALUES (${model}, ${id}, ${state}, 1, ${observedAt}, now()) ON CONFLICT DO NOTHING`;
    let previous: string | null = null;
    let version = 1;
    if (inserted === 0) {
      const [row] = await tx.$queryRaw<StateRow[]>`
        SELECT state, version, observed_at FROM odoo_record_states WHERE odoo_model = ${model} AND odoo_id = ${id} FOR UPDATE`;
      if (!row || row.observed_at > observedAt || row.state === state) {
        if (row && row.observed_at <= observedAt) {
          await tx.$executeRaw`UPDATE odoo_record_states SET observed_at = ${observedAt}, updated_at = now() WHERE odoo_model = ${model} AND odoo_id = ${id}`;
        }
        return null;
      }
      previous = row.state;
      version = row.version + 1;
      await tx.$executeRaw`
        UPDATE odoo_record_states SET state = ${state}, version = ${version}, observed_at = ${observedAt}, updated_at = now()
        WHERE odoo_model = ${model} AND odoo_id = ${id}`;
    }
    const kind = classifyTransition(model, previous, state);
    if (!kind) return null;
    const event = await tx.lifecycleEvent.create({
      data: {
        uniqueKey: `${model}:${id}:${state}:v${version}`,
        kind,
        odooModel: model,
        odooId: id,
        state,
        previousState: previous,
        source,
        snapshot: observation as unknown as Prisma.InputJsonValue,
        occurredAt: observedAt,
      },
    });
    // Odoo ended the order, so the hub's subscriptions on it end with it. Only those
    // still live hear about it: one the app terminated through the API was told then,
    // and Odoo closing its order after the final invoice is the same event, not another.
    // Reopening brings back, and announces, only those Odoo's closing ended.
    const endedNow =
      kind === "subscription_terminated"
        ? new Set(await endOrderSubscriptions({ db: tx, odooOrderId: id, at: observedAt, reason: observation.order?.closeReason ?? null }))
        : kind === "subscription_reopened"
          ? new Set(await reopenOrderSubscriptions({ db: tx, odooOrderId: id }))
          : null;
    const retryUntil = new Date(now.getTime() + settings.retryWindowHours * 3_600_000);
    const targets = (await findWebhookTargets(tx, observation))
      .map((target) => (endedNow ? { ...target, subscriptions: target.subscriptions.filter((s) => endedNow.has(s.id)) } : target))
      .filter((target) => !endedNow || target.subscriptions.length > 0);
    const usageUnits = observation.invoice ? await readUsageUnits(tx, [observation.invoice]) : undefined;
    const deliveries = targets.flatMap((target) =>
      buildEnvelopes({
        organizationId: settings.organizationId,
        event: { id: event.id, kind, previousState: previous, occurredAt: observedAt, observation },
        customer: target.customer,
        subscriptions: target.subscriptions,
        usageUnits,
      }).map((envelope) => ({
        serviceId: target.serviceId,
        lifecycleEventId: event.id,
        // Per service customer: what "never overtake an earlier webhook" is about.
        orderingKey: target.customer.id,
        webhookType: envelope.webhookType,
        payload: envelope.payload as Prisma.InputJsonValue,
        nextRunAt: now,
        retryUntil,
      })),
    );
    // One row at a time keeps `sequence` in envelope order (failure before status update).
    for (const data of deliveries) await tx.webhookDelivery.create({ data });
    return event;
  });
}
