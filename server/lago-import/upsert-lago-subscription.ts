import type { Db } from "~/server/db/client";
import { createSubscription } from "~/server/subscriptions/create-subscription";
import { terminateSubscription } from "~/server/subscriptions/terminate-subscription";
import type { ImportIssue } from "./import-issue";
import type { LagoSubscription } from "./lago-wire";
import { mapLagoSubscription } from "./map-lago-subscription";

/**
 * Creates the hub subscription for a Lago one under the target service (Lago's
 * create-is-idempotent semantics make a rerun a no-op), then ends it at Lago's
 * termination/cancellation instant. One the hub already ended is left as it is.
 */
export async function upsertLagoSubscription(options: { db: Db; serviceId: string; subscription: LagoSubscription }): Promise<ImportIssue[]> {
  const { db, serviceId, subscription } = options;
  const plan = await db.plan.findUnique({ where: { code: subscription.plan_code }, select: { amountCents: true } });
  const { input, endedAt, issues } = mapLagoSubscription(subscription, plan?.amountCents ?? null);
  const existing = await db.subscription.findUnique({ where: { serviceId_externalId: { serviceId, externalId: input.externalId } }, select: { status: true } });
  if (existing && (existing.status === "terminated" || existing.status === "canceled")) return issues;
  await createSubscription({ db, serviceId, input, now: endedAt ?? undefined });
  if (endedAt) await terminateSubscription({ db, serviceId, externalId: input.externalId, now: endedAt });
  return issues;
}
