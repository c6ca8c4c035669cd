import type { Db } from "~/server/db/client";
import { recordHubEvent } from "~/server/db/record-hub-event";

/**
 * What time alone changes, written down and announced as Lago's jobs do: a pending
 * subscription whose `subscription_at` has come is activated (subscription.started), an
 * active one whose `ending_at` has passed is terminated at that instant
 * (subscription.terminated), and a downgrade whose period has ended moves to its plan,
 * the plan left remembered for the periods before (planOfPeriod). Until then the API
 * already reports the first two through effectiveStatus; this makes them facts the push,
 * the webhooks and the console share.
 * Each row is claimed with SKIP LOCKED, so concurrent runs settle it once.
 */
export async function settleDueSubscriptions(options: { db: Db; now?: Date; limit?: number }): Promise<{ started: number; terminated: number; downgraded: number }> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 500;
  return options.db.$transaction(async (tx) => {
    const started = await tx.$queryRaw<Array<{ id: string; service_id: string; subscription_at: Date }>>`
      UPDATE subscriptions SET status = 'active', started_at = subscription_at, updated_at = now()
      WHERE id IN (SELECT id FROM subscriptions WHERE status = 'pending' AND subscription_at <= ${now} ORDER BY subscription_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, service_id, subscription_at`;
    const ended = await tx.$queryRaw<Array<{ id: string; service_id: string; ending_at: Date }>>`
      UPDATE subscriptions SET status = 'terminated', terminated_at = ending_at, updated_at = now()
      WHERE id IN (SELECT id FROM subscriptions WHERE status = 'active' AND ending_at <= ${now} ORDER BY ending_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, service_id, ending_at`;
    // After the terminations: a subscription ended by the downgrade's date keeps its plan.
    const downgraded = await tx.$executeRaw`
      UPDATE subscriptions SET previous_plan_id = plan_id, plan_id = next_plan_id, plan_changed_at = downgrade_at, next_plan_id = NULL, downgrade_at = NULL, updated_at = now()
      WHERE id IN (SELECT id FROM subscriptions WHERE status = 'active' AND next_plan_id IS NOT NULL AND downgrade_at <= ${now} ORDER BY downgrade_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)`;
    for (const row of started) {
      await recordHubEvent(tx, { kind: "subscription.started", serviceId: row.service_id, subjectId: row.id, occurredAt: row.subscription_at });
    }
    for (const row of ended) {
      await recordHubEvent(tx, { kind: "subscription.terminated", serviceId: row.service_id, subjectId: row.id, occurredAt: row.ending_at });
    }
    return { started: started.length, terminated: ended.length, downgraded };
  });
}
