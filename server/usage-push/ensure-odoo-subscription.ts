import type { Db } from "~/server/db/client";
import {
  ensurePricelist, ensureSubscriptionOrder, ensureUsageLine, findOrCreatePartner, findOrCreatePlan, findOrCreateProduct,
  type OdooClient, type OdooSubscription, readSubscription, setupError,
} from "~/server/odoo";
import { formatMinorUnits } from "~/server/billing/pricing";
import { gridPeriodAt } from "~/server/billing/billing-period";
import type { SubscriptionForUsage } from "~/server/usage/compute-period-usage";
import { odooDate } from "~/server/odoo/odoo-date";
import { usageLineName } from "~/server/odoo/usage-line-text";
import { odooPeriodOf } from "./closing-period";

export type SubscriptionForPush = SubscriptionForUsage & {
  service: { code: string };
  accountLink: { externalId: string; name: string | null; email: string | null; billingCustomer: { id: string; name: string | null; email: string | null; odooPartnerId: number | null } };
};

export const subscriptionForPush = {
  service: { select: { code: true, billingMode: true } },
  accountLink: { select: { externalId: true, name: true, email: true, billingCustomer: true } },
  plan: { include: { charges: { include: { billableMetric: true }, orderBy: { createdAt: "asc" } } } },
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

  let { odooPlanId, odooProductId } = plan;
  if (odooPlanId === null) {
    const period = odooPeriodOf(plan.interval);
    odooPlanId = (await findOrCreatePlan(odoo, { ...period, name: `${period.value} ${period.unit}` })).id;
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
  } else {
    // Odoo then invoices on the hub's period boundaries: the first invoice closes the first
    // period (in arrears), or opens it with the fee (pay in advance; its usage follows on
    // the next invoice). The order starts on that period's grid boundary (the 1st for a calendar month),
    // because Odoo dates a postpaid line's period from the order start until the line is
    // first invoiced and then from its last invoiced period: a mid-month start would shift
    // every invoice line's service period (and the deferred revenue) for good.
    const firstPeriod = gridPeriodAt({ interval: plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, at: subscription.subscriptionAt });
    order = await ensureSubscriptionOrder(odoo, {
      ref: `nexa:${subscription.service.code}:${subscription.externalId}`,
      partnerId,
      planId: odooPlanId,
      pricelistId: pricelist!.id,
      startDate: odooDate(firstPeriod.start),
      nextInvoiceDate: odooDate(plan.payInAdvance ? firstPeriod.start : firstPeriod.end),
      lines: [{
        productId: odooProductId, name: plan.name, quantity: 1, priceUnit: majorUnits(plan.amountCents, plan.amountCurrency),
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
    const line = await ensureUsageLine(odoo, { orderId: order.id, productId, name: usageLineName(metric), quantity: 0, priceUnit: 0 });
    lineIdByMetricCode.set(metric.code, line.id);
  }
  return { order, lineIdByMetricCode };
}
