import type { SubscriptionInput } from "~/server/subscriptions/subscription-input";
import type { ImportIssue } from "./import-issue";
import type { LagoSubscription } from "./lago-wire";

export interface MappedSubscription {
  input: SubscriptionInput;
  /** When Lago ended it: the hub terminates (or cancels) it at that instant. */
  endedAt: Date | null;
  issues: ImportIssue[];
}

const instant = (value: string | null) => (value ? new Date(value) : null);

/**
 * A Lago subscription as the hub's subscription input. The billing anchor is Lago's
 * subscription_at (falling back to started_at), so periods line up with Lago's.
 */
export function mapLagoSubscription(subscription: LagoSubscription, planAmountCents: bigint | null): MappedSubscription {
  const issues: ImportIssue[] = [];
  const issue = (feature: string, detail: string, action: string) =>
    issues.push({ resource: "subscriptions", id: subscription.external_id, feature, detail, action });
  if (subscription.plan_amount_cents != null && planAmountCents !== null && BigInt(subscription.plan_amount_cents) !== planAmountCents) {
    issue("plan_override", `subscription price ${subscription.plan_amount_cents} instead of the plan's ${planAmountCents}`, "imported at the plan's price");
  }
  if (subscription.trial_ended_at) issue("trial_period", `trial ended ${subscription.trial_ended_at}`, "ignored");
  const subscriptionAt = instant(subscription.subscription_at) ?? instant(subscription.started_at) ?? undefined;
  return {
    input: {
      externalCustomerId: subscription.external_customer_id,
      planCode: subscription.plan_code,
      externalId: subscription.external_id,
      name: subscription.name,
      billingTime: subscription.billing_time,
      subscriptionAt,
      endingAt: instant(subscription.ending_at),
    },
    endedAt: subscription.status === "terminated" ? instant(subscription.terminated_at) : subscription.status === "canceled" ? instant(subscription.canceled_at) : null,
    issues,
  };
}
