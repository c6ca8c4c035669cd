import type { Db } from "~/server/db/client";
import { billingPeriodAt } from "~/server/billing/billing-period";
import { terminationCredit } from "~/server/billing/termination-credit";
import { issueCreditNote, type OdooClient } from "~/server/odoo";
import { odooDate } from "~/server/odoo/odoo-date";
import { invoicedAmountCents, invoicedOn, lastOdooDayOf } from "./line-billing";
import { majorUnits, type SubscriptionForPush } from "./ensure-odoo-subscription";
import type { OrderSnapshot } from "./push-snapshot";

/** The credit note's natural key in Odoo: one per hub subscription (an external id can be reused after a termination). */
export const creditNoteRef = (subscriptionId: string) => `nexa:credit:${subscriptionId}`;

/**
 * Lago's credit note on the termination of a pay-in-advance plan, issued in Odoo: once
 * Odoo has invoiced the final period's fee (whole, when that period opened), the days
 * after the termination day are credited with a posted credit note reversing that
 * invoice (terminationCredit: Lago's amount; the fee line's taxes, so HST is credited
 * too). Only for a termination by the app (not an order Odoo closed on its own) whose
 * option is `credit`, and once: the credit note's id is kept on the subscription, and
 * Odoo is searched by its ref first, so an interrupted run never issues two.
 */
export async function creditUnusedDays(options: { db: Db; odoo: OdooClient; subscription: SubscriptionForPush; entry: OrderSnapshot }): Promise<{ creditNoteId: number; amountCents: bigint } | null> {
  const { db, odoo, subscription, entry } = options;
  const { plan, terminatedAt } = subscription;
  if (!plan.payInAdvance || !terminatedAt || subscription.onTerminationCreditNote !== "credit" || subscription.odooCreditNoteId !== null || subscription.odooClosedAt !== null) return null;
  const feeLine = [...entry.lines.values()].find((line) => line.productId === plan.odooProductId);
  if (!feeLine) return null;
  const finalPeriod = billingPeriodAt({ interval: plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, at: terminatedAt });
  // Until Odoo has billed the final period's fee there is nothing to credit yet.
  const billed = invoicedOn(entry.invoiced, feeLine.id, odooDate(finalPeriod.start));
  if (!billed) return null;
  const credit = terminationCredit({
    amountCents: plan.amountCents, interval: plan.interval, billingTime: subscription.billingTime, subscriptionAt: subscription.subscriptionAt, terminatedAt,
    billedCents: invoicedAmountCents(billed, plan.amountCurrency),
  });
  // Ended on the period's last day: nothing unused, nothing to issue (the app's option stays as it asked).
  if (!credit) return null;
  const creditNoteId = await issueCreditNote(odoo, {
    ref: creditNoteRef(subscription.id),
    invoiceId: billed.moveId,
    date: odooDate(terminatedAt),
    line: {
      productId: feeLine.productId!,
      name: `${plan.name}: unused days ${odooDate(credit.unused.start)} to ${lastOdooDayOf(credit.unused)} (${credit.unusedDays} of ${credit.periodDays})`,
      priceUnit: majorUnits(credit.amountCents, plan.amountCurrency),
      taxIds: billed.taxIds,
      saleLineIds: [feeLine.id],
    },
  });
  await db.subscription.update({ where: { id: subscription.id }, data: { odooCreditNoteId: creditNoteId } });
  return { creditNoteId, amountCents: credit.amountCents };
}
