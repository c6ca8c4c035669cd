/**
 * Customer credit notes (account.move `out_refund`) the hub issues itself: the unused days
 * of a prepaid fee when a subscription ends mid-period, as Lago credits them. Created as
 * a reversal of the invoice that billed the fee (`reversed_entry_id`), so Odoo's `_post`
 * reconciles it against that invoice while the invoice is still owed, and leaves it as the
 * customer's outstanding credit when the invoice is already paid. Keyed by `ref`, so a
 * retry never issues a second one.
 */
import { z } from "zod";
import type { OdooClient } from "../client";
import { createOnce } from "./create-once";
import { m2oId, optString } from "./fields";
import { searchFirst } from "./search-first";

const MODEL = "account.move";

export interface CreditNoteInput {
  /** The hub's natural key (creditNoteRef: `nexa:credit:<subscription id>`). */
  ref: string;
  /** The posted customer invoice the credit reverses in part. */
  invoiceId: number;
  /** Odoo date of the credit note (the termination day). */
  date: string;
  line: { productId: number; name: string; priceUnit: number; taxIds: number[]; saleLineIds: number[] };
}

const existingRow = z.object({ id: z.number().int(), state: z.enum(["draft", "posted", "cancel"]) });
const invoiceRow = z.object({ partner_id: m2oId, currency_id: m2oId, invoice_origin: optString });

const findCreditNote = (client: OdooClient, ref: string) =>
  searchFirst(client, MODEL, existingRow, { domain: [["move_type", "=", "out_refund"], ["ref", "=", ref], ["state", "!=", "cancel"]], fields: ["id", "state"] });

/** Finds the credit note by its ref or creates it, and posts it; returns its id. */
export async function issueCreditNote(client: OdooClient, input: CreditNoteInput): Promise<number> {
  let note = await findCreditNote(client, input.ref);
  if (!note) {
    const [invoice] = (await client.call<unknown[]>(MODEL, "read", { ids: [input.invoiceId], fields: ["partner_id", "currency_id", "invoice_origin"] })).map((row) => invoiceRow.parse(row));
    if (!invoice) throw new Error(`invoice ${input.invoiceId} to credit is gone from Odoo`);
    const vals = {
      move_type: "out_refund",
      partner_id: invoice.partner_id,
      currency_id: invoice.currency_id,
      invoice_date: input.date,
      ref: input.ref,
      reversed_entry_id: input.invoiceId,
      ...(invoice.invoice_origin ? { invoice_origin: invoice.invoice_origin } : {}),
      invoice_line_ids: [[0, 0, {
        product_id: input.line.productId, name: input.line.name, quantity: 1, price_unit: input.line.priceUnit,
        tax_ids: [[6, 0, input.line.taxIds]], sale_line_ids: [[6, 0, input.line.saleLineIds]],
      }]],
    };
    const id = await createOnce(client, MODEL, vals, async () => (await findCreditNote(client, input.ref))?.id ?? null);
    note = { id, state: "draft" };
  }
  if (note.state === "draft") await client.call(MODEL, "action_post", { ids: [note.id] });
  return note.id;
}
