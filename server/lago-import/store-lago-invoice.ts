import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { fetchLagoJson, type LagoConnection } from "~/server/lago-client/fetch-lago-json";
import type { ImportIssue } from "./import-issue";
import { lagoInvoiceSchema } from "./lago-wire";

const instant = (value: string | null) => (value ? new Date(value) : null);

/**
 * Stores one Lago invoice with its fees, the reference side of reconciliation. Lago's
 * invoice list omits fees, so each invoice is read by id. Fees are replaced as a whole:
 * a re-imported invoice (Lago regenerates drafts) never keeps stale fees.
 */
export async function storeLagoInvoice(options: { db: Db; serviceId: string; connection: LagoConnection; lagoId: string }): Promise<ImportIssue[]> {
  const body = (await fetchLagoJson(options.connection, `/invoices/${encodeURIComponent(options.lagoId)}`)) as { invoice?: unknown };
  const invoice = lagoInvoiceSchema.parse(body.invoice);
  const externalCustomerId = invoice.customer?.external_id ?? invoice.fees.find((fee) => fee.external_customer_id)?.external_customer_id ?? "";
  const data = {
    serviceId: options.serviceId,
    number: invoice.number,
    externalCustomerId,
    issuingDate: invoice.issuing_date,
    status: invoice.status,
    currency: invoice.currency,
    totalAmountCents: BigInt(invoice.total_amount_cents),
    raw: body.invoice as Prisma.InputJsonValue,
  };
  await options.db.$transaction(async (tx) => {
    const stored = await tx.lagoInvoice.upsert({ where: { lagoId: invoice.lago_id }, create: { lagoId: invoice.lago_id, ...data }, update: { ...data, importedAt: new Date() } });
    await tx.lagoFee.deleteMany({ where: { invoiceId: stored.id } });
    await tx.lagoFee.createMany({
      data: invoice.fees.map((fee) => ({
        invoiceId: stored.id,
        lagoId: fee.lago_id,
        itemType: fee.item.type,
        itemCode: fee.item.code,
        externalCustomerId: fee.external_customer_id ?? externalCustomerId,
        externalSubscriptionId: fee.external_subscription_id,
        units: fee.units,
        amountCents: BigInt(fee.amount_cents),
        currency: fee.amount_currency,
        fromDate: instant(fee.from_date),
        toDate: instant(fee.to_date),
        raw: fee as Prisma.InputJsonValue,
      })),
    });
  });
  return [];
}
