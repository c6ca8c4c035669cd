import { planWithCharges } from "~/server/catalog/plan-input";
import type { Db } from "~/server/db/client";
import {
  type CustomerAddress, ensurePricelist, ensureSubscriptionOrder, ensureOrderLine, findOrCreatePartner, findOrCreatePlan, findOrCreateProduct,
  type OdooClient, type OdooSubscription, readSubscription, setupError,
} from "~/server/odoo";
import { formatMinorUnits } from "~/server/billing/pricing";
import { gridPeriodAt } from "~/server/billing/billing-period";
import type { SubscriptionForUsage } from "~/server/usage/compute-period-usage";
import { odooDate } from "~/server/odoo/odoo-date";
import { usageLineName } from "~/server/odoo/usage-line-text";
import { proratedFeeCents } from "~/server/billing/prorate-fee";
import { odooRhythmOf } from "./closing-period";

export type SubscriptionForPush = SubscriptionForUsage & {
  previousPlan: SubscriptionForUsage["plan"] | null;
  service: { code: string; cutoverAt: Date | null };
  accountLink: CustomerAddress & {
    externalId: string; name: string | null; email: string | null; updatedAt: Date; netPaymentTerm: number | null;
    shippingAddressLine1: string | null; shippingAddressLine2: string | null; shippingCity: string | null;
    shippingZipcode: string | null; shippingState: string | null; shippingCountry: string | null;
    billingCustomer: { id: string; name: string | null; email: string | null; odooPartnerId: number | null; odooAddressSyncedAt: Date | null };
  };
};

export const subscriptionForPush = {
  service: { select: { code: true, billingMode: true, cutoverAt: true } },
  accountLink: {
    select: {
      externalId: true, name: true, email: true, updatedAt: true, billingCustomer: true,
      addressLine1: true, addressLine2: true, city: true, zipcode: true, country: true, state: true, phone: true, taxIdentificationNumber: true,
      netPaymentTerm: true, shippingAddressLine1: true, shippingAddressLine2: true, shippingCity: true, shippingZipcode: true, shippingState: true, shippingCountry: true,
    },
  },
  plan: { include: planWithCharges },
  previousPlan: { include: planWithCharges },
} as const;

export const majorUnits = (cents: bigint, currency: string) => Number(formatMinorUnits(cents, currency));

/** An order billing in another currency than its plan is a setup problem: the hub does not push into it. */
export function assertOrderCurrency(order: OdooSubscription, plan: { code: string; amountCurrency: string }): void {
  if (order.currency === plan.amountCurrency) return;
  throw setupError(
    `Odoo order ${order.name} is in ${order.currency ?? "no currency"} but plan ${plan.code} bills in ${plan.amountCurrency}: ` +
      `give the order a ${plan.amountCurrency} pricelist in Odoo; the hub does not push into it meanwhile`,
  );
}

/**
 * Makes sure Odoo holds the customer, plan, products, confirmed subscription order and a
 * usage line per charge for a hub subscription, creating what is missing and remembering
 * every Odoo id. The planner calls it only when its batched read finds something missing.
 * Each step finds before it creates, so a run interrupted anywhere is safe to repeat.
 */
export async function ensureOdooSubscription(options: {
  db: Db;
  odoo: OdooClient;
  subscription: SubscriptionForPush;
}): Promise<{ order: OdooSubscription; lineIdByMetricCode: Map<string, number> }> {
  const { db, odoo, subscription } = options;
  const { plan, accountLink } = subscription;
  const customer = accountLink.billingCustomer;
  // Odoo bills an order in its pricelist's currency: a new order needs one in the plan's
  // currency, before anything is created for it (a currency Odoo lacks stops here).
  const pricelist = subscription.odooOrderId === null ? await ensurePricelist(odoo, plan.amountCurrency) : null;

  let partnerId = customer.odooPartnerId;
  if (partnerId === null) {
    const { partner } = await findOrCreatePartner(odoo, {
      ref: `nexa-customer-${customer.id}`,
      name: customer.name ?? accountLink.name ?? accountLink.externalId,
      email: customer.email ?? accountLink.email,
    });
    partnerId = partner.id;
    await db.billingCustomer.update({ where: { id: customer.id }, data: { odooPartnerId: partnerId } });
  }

  // The plan's own Odoo plan is the plain one of its interval; a calendar subscription
  // Odoo aligns itself (odooRhythmOf) runs on the billing_first_day plan, found per new order.
  const rhythm = odooRhythmOf(plan, subscription.billingTime);
  let { odooPlanId, odooProductId } = plan;
  if (odooPlanId === null) {
    odooPlanId = (await findOrCreatePlan(odoo, { ...rhythm, firstDay: false, name: `${rhythm.value} ${rhythm.unit}` })).id;
  }
  if (odooProductId === null) {
    // Odoo bills an order-policy (prepaid) line on each invoice for the period starting
    // that day, and a delivery-policy (postpaid) line delivered once for the period that
    // just ended: Lago's pay_in_advance and in-arrears fees respectively.
    odooProductId = (
      await findOrCreateProduct(odoo, {
        defaultCode: `nexa-plan-${plan.code}`, name: plan.name, listPrice: majorUnits(plan.amountCents, plan.amountCurrency),
        invoicePolicy: plan.payInAdvance ? "order" : "delivery",
      })
    ).id;
  }
  if (odooPlanId !== plan.odooPlanId || odooProductId !== plan.odooProductId) {
    await db.plan.update({ where: { id: plan.id }, data: { odooPlanId, odooProductId } });
  }

  let order: OdooSubscription;
  if (subscription.odooOrderId !== null) {
    order = await readSubscription(odoo, subscription.odooOrderId);
    assertOrderCurrency(order, plan);
    // After a plan change the order needs the new plan's fee line; it starts at zero and
    // alignOrder hands the fee over to it once the old plan's last period is invoiced.
    await ensureOrderLine(odoo, { orderId: order.id, productId: odooProductId, name: plan.name, quantity: 0, priceUnit: 0 });
  } else {
    // Odoo then invoices on the hub's period boundaries: the first invoice closes the first
    // period (in arrears), or opens it with the fee (pay in advance; its usage follows on
    // the next invoice). Odoo dates a postpaid line's period from the order start until the
    // line is first invoiced, then from its last invoiced period. On a billing_first_day
    // plan the order starts on the subscription's own day and Odoo ends that first period
    // on the 1st, prorating the prepaid fee. Elsewhere the order starts on the period's
    // grid boundary (the 1st, a calendar week's Monday, a quarter's first day; an
    // anniversary subscription's own day), as a start between them would shift every
    // later line's service period for good: the hub prices the fee line pro rata for the
    // partial period instead (alignOrder).
    // A service moved off Lago: Lago billed every period that ended by the cutover (a
    // period boundary of each subscription, scheduleCutover), Odoo bills from it.
    const cutoverAt = subscription.service.cutoverAt;
    const at = cutoverAt && cutoverAt > subscription.subscriptionAt ? cutoverAt : subscription.subscriptionAt;
    const firstPeriod = gridPeriodAt({ interval: plan.interval, billingTime: subscription.billingTime, subscriptionAt: at, at });
    const start = rhythm.firstDay ? at : firstPeriod.start;
    const planId = rhythm.firstDay ? (await findOrCreatePlan(odoo, { ...rhythm, name: `${rhythm.value} ${rhythm.unit}, from the 1st` })).id : odooPlanId;
    // Lago's fee for the first period, which Odoo bills first; Odoo prorates it itself on a billing_first_day plan.
    const feeCents = rhythm.firstDay ? plan.amountCents : proratedFeeCents({
      amountCents: plan.amountCents, interval: plan.interval, billingTime: subscription.billingTime, subscriptionAt: at, terminatedAt: null, at,
    });
    order = await ensureSubscriptionOrder(odoo, {
      ref: `nexa:${subscription.service.code}:${subscription.externalId}`,
      partnerId,
      planId,
      pricelistId: pricelist!.id,
      startDate: odooDate(start),
      nextInvoiceDate: odooDate(plan.payInAdvance ? start : firstPeriod.end),
      lines: [{
        productId: odooProductId, name: plan.name, quantity: 1, priceUnit: majorUnits(feeCents, plan.amountCurrency),
        ...(plan.payInAdvance ? {} : { deliveredQuantity: 1 }),
      }],
    });
    await db.subscription.update({ where: { id: subscription.id }, data: { odooOrderId: order.id } });
  }

  const lineIdByMetricCode = new Map<string, number>();
  for (const charge of plan.charges) {
    const metric = charge.billableMetric;
    let productId = charge.odooProductId;
    if (productId === null) {
      productId = (await findOrCreateProduct(odoo, { defaultCode: `nexa-charge-${plan.code}-${metric.code}`, name: `${plan.name}: ${metric.name}`, listPrice: 0, invoicePolicy: "delivery" })).id;
      await db.charge.update({ where: { id: charge.id }, data: { odooProductId: productId } });
    }
    const line = await ensureOrderLine(odoo, { orderId: order.id, productId, name: usageLineName(metric), quantity: 0, priceUnit: 0 });
    lineIdByMetricCode.set(metric.code, line.id);
  }
  return { order, lineIdByMetricCode };
}
