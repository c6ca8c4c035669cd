import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import type { ImportIssue } from "./import-issue";
import type { LagoCreditNote } from "./lago-wire";

/**
 * Stores one Lago credit note of a list page with its items, the reference side of
 * reconciliation next to the invoices' fees. Lago's list carries the items with their
 * fees, so no read by id. Items are replaced as a whole: a re-import (each delta of a
 * shadow service) keeps the latest credit status, a voided note included.
 */
export async function storeLagoCreditNote(options: { db: Db; serviceId: string; note: LagoCreditNote }): Promise<ImportIssue[]> {
  const { note } = options;
  const data = {
    serviceId: options.serviceId,
    number: note.number,
    lagoInvoiceId: note.lago_invoice_id,
    issuingDate: note.issuing_date,
    creditStatus: note.credit_status ?? null,
    currency: note.currency,
    totalAmountCents: BigInt(note.total_amount_cents),
    raw: note as Prisma.InputJsonValue,
  };
  await options.db.$transaction(async (tx) => {
    const stored = await tx.lagoCreditNote.upsert({ where: { lagoId: note.lago_id }, create: { lagoId: note.lago_id, ...data }, update: { ...data, importedAt: new Date() } });
    await tx.lagoCreditNoteItem.deleteMany({ where: { creditNoteId: stored.id } });
    await tx.lagoCreditNoteItem.createMany({
      data: note.items.map((item) => ({
        creditNoteId: stored.id,
        lagoId: item.lago_id ?? null,
        feeLagoId: item.fee.lago_id,
        itemType: item.fee.item.type,
        itemCode: item.fee.item.code,
        externalCustomerId: item.fee.external_customer_id ?? "",
        externalSubscriptionId: item.fee.external_subscription_id,
        amountCents: BigInt(item.amount_cents),
        currency: item.amount_currency,
        fromDate: item.fee.from_date ? new Date(item.fee.from_date) : null,
        raw: item as Prisma.InputJsonValue,
      })),
    });
  });
  return [];
}
