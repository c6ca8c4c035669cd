import Decimal from "decimal.js";
import { billingPeriodAt } from "~/server/billing/billing-period";
import { type ChargeProperties, priceCharge } from "~/server/billing/pricing";
import type { DbOrTx } from "~/server/db/client";
import { notAllowed, notFound, validationFailed } from "~/server/errors";
import { effectiveStatus } from "~/server/subscriptions/effective-status";
import { type ChargeUsage, computePeriodUsage, type PeriodUsage, type SubscriptionForUsage } from "./compute-period-usage";
import { numericPropertyValue } from "./event-values";

export interface EventFeeEstimate {
  subscription: SubscriptionForUsage & { accountLink: { id: string; externalId: string } };
  period: PeriodUsage["period"];
  currency: string;
  /** The metric's charge as the period stands, and what the event adds to it. */
  charge: ChargeUsage["charge"];
  units: string;
  amountCents: bigint;
}

/**
 * Lago's POST /events/estimate_fees for price calculators: what one more event would add
 * to the open period's bill, as Lago prices an in-advance event — the charge priced on
 * the period's units with the event minus without it, so free units and tiers already
 * used count. Nothing is stored. Only additive aggregations (count, sum) have a
 * per-event fee; an estimate for max, latest or unique count is a 422 naming the metric.
 */
export async function estimateEventFees(options: {
  db: DbOrTx;
  serviceId: string;
  externalSubscriptionId: string;
  code: string;
  properties: Record<string, unknown>;
  now?: Date;
}): Promise<EventFeeEstimate> {
  const now = options.now ?? new Date();
  const subscription = await options.db.subscription.findUnique({
    where: { serviceId_externalId: { serviceId: options.serviceId, externalId: options.externalSubscriptionId } },
    include: { accountLink: true, plan: { include: { charges: { include: { billableMetric: true }, orderBy: { createdAt: "asc" } } } } },
  });
  if (!subscription) throw notFound("subscription");
  if (effectiveStatus(subscription, now) !== "active") throw notAllowed("no_active_subscription");
  const charge = subscription.plan.charges.find((c) => c.billableMetric.code === options.code);
  if (!charge) throw notFound("billable_metric");
  const metric = charge.billableMetric;
  let eventUnits: string;
  if (metric.aggregationType === "count_agg") eventUnits = "1";
  else if (metric.aggregationType === "sum_agg") {
    const value = numericPropertyValue(options.properties[metric.fieldName ?? ""]);
    if (value === null) throw validationFailed({ properties: ["value_is_not_valid_number"] });
    eventUnits = value;
  } else throw validationFailed({ code: ["aggregation_has_no_fee_per_event"] });

  const period = billingPeriodAt({ interval: subscription.plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, at: now });
  const usage = await computePeriodUsage({ db: options.db, subscription, period });
  const before = usage.charges.find((c) => c.charge.id === charge.id)!.units;
  const price = (units: string) =>
    priceCharge({ chargeModel: charge.chargeModel, properties: charge.properties as ChargeProperties, units, currency: usage.currency }).amountCents;
  // A negative sum event lowers the period's total: it has no fee of its own, only a smaller bill.
  const after = Decimal.max(0, new Decimal(before).plus(eventUnits)).toFixed();
  const added = price(after) - price(before);
  return { subscription, period, currency: usage.currency, charge, units: eventUnits, amountCents: added > 0n ? added : 0n };
}
