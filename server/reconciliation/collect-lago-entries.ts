import type { DbOrTx } from "~/server/db/client";
import { feeChargeKey, type SideEntry } from "./line-status";

/** Invoices Lago no longer stands by. */
const DISCARDED_STATUSES = ["voided", "failed", "deleted"];
/** Credit notes Lago no longer stands by. */
const DISCARDED_CREDIT_STATUSES = ["voided"];

/**
 * The Lago side: imported charge and subscription fees whose period starts in [from, to)
 * (Lago's fee from_date: charges_from_datetime, or the start of the period a subscription
 * fee bills, pro rata for a partial one), less what Lago's credit notes took back from
 * them (a prepaid plan's unused days on termination), negative, in the credited fee's
 * period — as an Odoo credit note counts against the fee line it reverses. Keyed by the
 * invoice's service, the fee's external customer id and the fee item's code: the billable
 * metric code, or the plan's (feeChargeKey). A subscription fee's units (1, or a prorated
 * share) are not compared.
 */
export async function collectLagoEntries(options: { db: DbOrTx; from: Date; to: Date; serviceIds: string[] | null }): Promise<SideEntry[]> {
  const services = options.serviceIds ? { serviceId: { in: options.serviceIds } } : {};
  const window = { itemType: { in: ["charge", "subscription"] }, fromDate: { gte: options.from, lt: options.to } };
  const [fees, credits] = await Promise.all([
    options.db.lagoFee.findMany({
      where: { ...window, invoice: { status: { notIn: DISCARDED_STATUSES }, ...services } },
      include: { invoice: { select: { lagoId: true, number: true, serviceId: true } } },
      orderBy: { id: "asc" },
    }),
    options.db.lagoCreditNoteItem.findMany({
      where: { ...window, creditNote: { OR: [{ creditStatus: null }, { creditStatus: { notIn: DISCARDED_CREDIT_STATUSES } }], ...services } },
      include: { creditNote: { select: { lagoId: true, number: true, serviceId: true } } },
      orderBy: { id: "asc" },
    }),
  ]);
  const serviceIds = [...new Set([...fees.map((fee) => fee.invoice.serviceId), ...credits.map((item) => item.creditNote.serviceId)])];
  const codeOf = new Map((await options.db.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, code: true } })).map((service) => [service.id, service.code]));
  const chargeKeyOf = (item: { itemType: string; itemCode: string }) => (item.itemType === "subscription" ? feeChargeKey(item.itemCode) : item.itemCode);
  return [
    ...fees.map((fee) => ({
      serviceCode: codeOf.get(fee.invoice.serviceId) ?? "",
      customerKey: fee.externalCustomerId,
      chargeKey: chargeKeyOf(fee),
      units: fee.itemType === "subscription" ? null : fee.units,
      amountCents: fee.amountCents,
      currency: fee.currency,
      raw: { invoice: fee.invoice.number, lagoInvoiceId: fee.invoice.lagoId, subscription: fee.externalSubscriptionId, fee: fee.raw },
    })),
    ...credits.map((item) => ({
      serviceCode: codeOf.get(item.creditNote.serviceId) ?? "",
      customerKey: item.externalCustomerId,
      chargeKey: chargeKeyOf(item),
      // Units are Lago's fee's, not taken back by the credit: a credited charge's units are the fee's.
      units: item.itemType === "subscription" ? null : "0",
      amountCents: -item.amountCents,
      currency: item.currency,
      raw: { creditNote: item.creditNote.number, lagoCreditNoteId: item.creditNote.lagoId, subscription: item.externalSubscriptionId, item: item.raw },
    })),
  ];
}
