import type { LifecycleEvent } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import type { OdooClient } from "~/server/odoo";
import { odooDate } from "~/server/odoo/odoo-date";
import type { LifecycleSource } from "./lifecycle-types";
import { type ObservationFilter, readOdooObservations } from "./read-odoo-observations";
import { recordLifecycleEvent } from "./record-lifecycle-event";
import type { WebhookSettings } from "./webhook-settings";

/** Reads Odoo records and feeds each into the lifecycle stream; returns the events it created. */
export async function observeOdooRecords(options: {
  db: Db;
  odoo: OdooClient;
  filter: ObservationFilter;
  source: LifecycleSource;
  settings: WebhookSettings;
  now?: Date;
}): Promise<{ observed: number; events: LifecycleEvent[] }> {
  const { db, odoo, filter, source, settings, now } = options;
  // Taken before the read: an observation is as old as the moment Odoo was asked (on the
  // caller's clock when it runs one, as a replayed or simulated day does).
  const observedAt = now ?? new Date();
  const observations = await readOdooObservations(odoo, filter, odooDate(observedAt));
  const events: LifecycleEvent[] = [];
  for (const observation of observations) {
    const event = await recordLifecycleEvent({ db, observation, observedAt, source, settings, now });
    if (event) events.push(event);
  }
  return { observed: observations.length, events };
}
