import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { fetchLagoJson, type LagoConnection } from "~/server/lago-client/fetch-lago-json";
import type { ImportIssue } from "./import-issue";
import { type LagoInvoice, lagoInvoiceSchema } from "./lago-wire";

const instant = (value: string | null) => (value ? new Date(value) : null);

/**
 * Stores one Lago invoice of a list page with its fees, the reference side of
 * reconciliation. Lago's invoice list omits fees, so the invoice is read by id, unless it
 * is stored already in the same final status: Lago changes only drafts' fees, so
 * re-importing (each delta of a shadow service) reads just the new and changed invoices.
 * Fees are replaced as a whole: a regenerated draft never keeps stale fees.
 */
export async function storeLagoInvoice(options: { db: Db; serviceId: string; connection: LagoConnection; listed: LagoInvoice }): Promise<ImportIssue[]> {
  const { listed } = options;
  const stored = await options.db.lagoInvoice.findUnique({ where: { lagoId: listed.lago_id }, select: { status: true } });
  if (stored && stored.status === listed.status && listed.status !== "draft") return [];
  const body = (await fetchLagoJson(options.connection, `/invoices/${encodeURIComponent(listed.lago_id)}`)) as { invoice?: unknown };
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
