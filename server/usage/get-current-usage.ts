import type { BillableMetric, Charge, Plan, Subscription } from "~/generated/prisma/client";
import { billingPeriodAt } from "~/server/billing/billing-period";
import type { DbOrTx } from "~/server/db/client";
import { notAllowed, notFound } from "~/server/errors";
import { findCustomer } from "~/server/identity/find-customer";
import { effectiveStatus } from "~/server/subscriptions/effective-status";
import { type ChargeToPrice, computePeriodUsage, type PeriodUsage } from "./compute-period-usage";

/** A charge as current_usage prices and shows it (Lago's `charge` and `billable_metric` blocks). */
export type CurrentUsageCharge = ChargeToPrice &
  Pick<Charge, "id" | "invoiceDisplayName"> & { billableMetric: Pick<BillableMetric, "id" | "name"> };

type SubscriptionRow = Pick<Subscription, "id" | "status" | "billingTime" | "subscriptionAt" | "endingAt" | "terminatedAt"> &
  Pick<Plan, "interval" | "amountCurrency"> & {
  customerDeletedAt: Date | null;
  charges: CurrentUsageCharge[];
};

/**
 * The subscription of the customer with its plan's currency and interval and its charges
 * with their metrics, in one statement: through Prisma's includes it was four round
 * trips one after the other, each as costly in the app's CPU as the aggregation itself
 * (issue #16). The charges come as JSON: every field of theirs read here is a JSON
 * type (text, boolean, the properties object).
 */
async function findSubscription(db: DbOrTx, serviceId: string, externalCustomerId: string, externalSubscriptionId: string): Promise<SubscriptionRow | undefined> {
  const rows = await db.$queryRaw<SubscriptionRow[]>`
    SELECT s.id, s.status::text AS status, s.billing_time::text AS "billingTime", s.subscription_at AS "subscriptionAt",
           s.ending_at AS "endingAt", s.terminated_at AS "terminatedAt", p.interval::text AS interval,
           p.amount_currency AS "amountCurrency", a.deleted_at AS "customerDeletedAt",
           coalesce((SELECT json_agg(json_build_object(
                       'id', c.id, 'chargeModel', c.charge_model, 'properties', c.properties, 'invoiceDisplayName', c.invoice_display_name,
                       'billableMetric', json_build_object('id', m.id, 'name', m.name, 'code', m.code, 'aggregationType', m.aggregation_type,
                                                           'fieldName', m.field_name, 'recurring', m.recurring))
                       ORDER BY c.created_at, c.id)
                     FROM charges c JOIN billable_metrics m ON m.id = c.billable_metric_id WHERE c.plan_id = p.id), '[]') AS charges
    FROM subscriptions s
    JOIN account_links a ON a.id = s.account_link_id
    JOIN plans p ON p.id = s.plan_id
    WHERE s.service_id = ${serviceId}::uuid AND s.external_id = ${externalSubscriptionId}
      AND a.service_id = ${serviceId}::uuid AND a.external_id = ${externalCustomerId}`;
  return rows[0];
}

/** Lago's current_usage: the open period of an active subscription, so far. */
export async function getCurrentUsage(options: {
  db: DbOrTx;
  serviceId: string;
  externalCustomerId: string;
  externalSubscriptionId: string;
  now?: Date;
}): Promise<PeriodUsage<CurrentUsageCharge>> {
  const now = options.now ?? new Date();
  const subscription = await findSubscription(options.db, options.serviceId, options.externalCustomerId, options.externalSubscriptionId);
  if (subscription?.customerDeletedAt) throw notFound("customer");
  // A miss is a customer_not_found when the customer is what is missing: asked only then.
  if (!subscription) await findCustomer({ db: options.db, serviceId: options.serviceId, externalId: options.externalCustomerId });
  if (!subscription || effectiveStatus(subscription, now) !== "active") throw notAllowed("no_active_subscription");
  const period = billingPeriodAt({
    interval: subscription.interval,
    billingTime: subscription.billingTime,
    subscriptionAt: subscription.subscriptionAt,
    at: now,
  });
  return computePeriodUsage({
    db: options.db,
    subscription: { ...subscription, plan: { amountCurrency: subscription.amountCurrency, charges: subscription.charges } },
    period,
  });
}
