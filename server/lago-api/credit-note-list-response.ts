import type { Db } from "~/server/db/client";
import { readCreditedInvoices } from "~/server/invoices/read-credited-invoices";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { odooDate } from "~/server/odoo/odoo-date";
import { parseCreditNoteQuery } from "./credit-note-query";
import { serializeCreditNote } from "./credit-note-wire";
import { readMovePage } from "./read-move-page";

/** `{credit_notes, meta}` for GET /credit_notes and GET /customers/{id}/credit_notes (the path's customer wins); items included, as Lago lists them. */
export async function creditNoteListResponse(options: { db: Db; serviceId: string; searchParams: URLSearchParams; externalCustomerId?: string }) {
  const today = odooDate(new Date());
  const { moves: notes, meta } = await readMovePage({ ...options, parseQuery: () => parseCreditNoteQuery(options.searchParams) });
  const credited = await readCreditedInvoices({ db: options.db, odoo: odooClientFromEnv, serviceId: options.serviceId, notes });
  return {
    credit_notes: notes.map((note) => serializeCreditNote(note, note.invoice.reversedEntryId === null ? undefined : credited.get(note.invoice.reversedEntryId), { today })),
    meta,
  };
}
