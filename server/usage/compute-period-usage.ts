import type { BillableMetric, Charge, Plan, Subscription } from "~/generated/prisma/client";
import type { BillingPeriod } from "~/server/billing/billing-period";
import { type ChargeProperties, priceCharge } from "~/server/billing/pricing";
import type { DbOrTx } from "~/server/db/client";
import { aggregateUsage } from "./aggregate-usage";

export type SubscriptionForUsage = Subscription & {
  plan: Plan & { charges: Array<Charge & { billableMetric: BillableMetric }> };
};

/** What pricing a charge reads: its model and properties, and how its metric aggregates. */
export type ChargeToPrice = Pick<Charge, "chargeModel" | "properties"> & {
  billableMetric: Pick<BillableMetric, "code" | "aggregationType" | "fieldName" | "recurring">;
};

/**
 * What computePeriodUsage reads of a subscription. Callers pass what they loaded (most a
 * SubscriptionForUsage) and get their own charges back in the answer; current_usage loads
 * only these fields, in one statement.
 */
export type SubscriptionToPrice<C extends ChargeToPrice> = Pick<Subscription, "id" | "subscriptionAt" | "terminatedAt"> & {
  plan: Pick<Plan, "amountCurrency"> & { charges: C[] };
};

type FullCharge = SubscriptionForUsage["plan"]["charges"][number];

export interface ChargeUsage<C extends ChargeToPrice = FullCharge> {
  charge: C;
  units: string;
  eventsCount: number;
  freeUnitsUsed: string;
  billableUnits: string;
  amountCents: bigint;
}

export interface PeriodUsage<C extends ChargeToPrice = FullCharge> {
  period: BillingPeriod;
  currency: string;
  amountCents: bigint;
  charges: Array<ChargeUsage<C>>;
}

/**
 * The pipeline aggregation → charge model → fee for every charge of a subscription's
 * plan over one billing period. Usage after a termination is not billed; a recurring
 * metric aggregates from the subscription start, carrying its value across periods.
 */
export async function computePeriodUsage<C extends ChargeToPrice>(options: {
  db: DbOrTx;
  subscription: SubscriptionToPrice<C>;
  period: BillingPeriod;
}): Promise<PeriodUsage<C>> {
  const { db, subscription, period } = options;
  const { plan } = subscription;
  const to = subscription.terminatedAt && subscription.terminatedAt < period.end ? subscription.terminatedAt : period.end;
  const charges = await Promise.all(
    plan.charges.map(async (charge) => {
      const metric = charge.billableMetric;
      const aggregated = await aggregateUsage({
        db,
        subscriptionId: subscription.id,
        code: metric.code,
        aggregationType: metric.aggregationType,
        fieldName: metric.fieldName,
        from: metric.recurring ? subscription.subscriptionAt : period.start,
        to,
      });
      const priced = priceCharge({
        chargeModel: charge.chargeModel,
        properties: charge.properties as ChargeProperties,
        units: aggregated.units,
        currency: plan.amountCurrency,
      });
      return {
        charge,
        units: priced.units,
        eventsCount: aggregated.eventsCount,
        freeUnitsUsed: priced.freeUnitsUsed,
        billableUnits: priced.billableUnits,
        amountCents: priced.amountCents,
      };
    }),
  );
  return {
    period,
    currency: plan.amountCurrency,
    amountCents: charges.reduce((total, charge) => total + charge.amountCents, 0n),
    charges,
  };
}
