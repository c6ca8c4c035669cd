import type { DbOrTx } from "~/server/db/client";
import { feeChargeKey, type SideEntry } from "./line-status";

/** Invoices Lago no longer stands by. */
const DISCARDED_STATUSES = ["voided", "failed", "deleted"];

/**
 * The Lago side: imported charge and subscription fees whose period starts in [from, to)
 * (Lago's fee from_date: charges_from_datetime, or the start of the period a subscription
 * fee bills, pro rata for a partial one). Keyed by the invoice's service, the fee's
 * external customer id and the fee item's code: the billable metric code, or the plan's
 * (feeChargeKey). A subscription fee's units (1, or a prorated share) are not compared.
 */
export async function collectLagoEntries(options: { db: DbOrTx; from: Date; to: Date; serviceIds: string[] | null }): Promise<SideEntry[]> {
  const fees = await options.db.lagoFee.findMany({
    where: {
      itemType: { in: ["charge", "subscription"] },
      fromDate: { gte: options.from, lt: options.to },
      invoice: { status: { notIn: DISCARDED_STATUSES }, ...(options.serviceIds ? { serviceId: { in: options.serviceIds } } : {}) },
    },
    include: { invoice: { select: { lagoId: true, number: true, serviceId: true } } },
    orderBy: { id: "asc" },
  });
  const services = await options.db.service.findMany({ where: { id: { in: [...new Set(fees.map((fee) => fee.invoice.serviceId))] } }, select: { id: true, code: true } });
  const codeOf = new Map(services.map((service) => [service.id, service.code]));
  return fees.map((fee) => ({
    serviceCode: codeOf.get(fee.invoice.serviceId) ?? "",
    customerKey: fee.externalCustomerId,
    chargeKey: fee.itemType === "subscription" ? feeChargeKey(fee.itemCode) : fee.itemCode,
    units: fee.itemType === "subscription" ? null : fee.units,
    amountCents: fee.amountCents,
    currency: fee.currency,
    raw: { invoice: fee.invoice.number, lagoInvoiceId: fee.invoice.lagoId, subscription: fee.externalSubscriptionId, fee: fee.raw },
  }));
}
