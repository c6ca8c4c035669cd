import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { findInvoice } from "~/server/invoices/find-invoice";
import { readCreditedInvoices } from "~/server/invoices/read-credited-invoices";
import { serializeCreditNote } from "~/server/lago-api/credit-note-wire";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { odooDate } from "~/server/odoo/odoo-date";

export const dynamic = "force-dynamic";

type Params = { lago_id: string };

export const GET = lagoRoute<Params>(async ({ db, service, params }) => {
  const note = await findInvoice({ db, odoo: odooClientFromEnv, serviceId: service.id, lagoId: params.lago_id, moveType: "out_refund" });
  const credited = await readCreditedInvoices({ db, odoo: odooClientFromEnv, serviceId: service.id, notes: [note] });
  return { credit_note: serializeCreditNote(note, credited.get(note.invoice.reversedEntryId ?? 0), { today: odooDate(new Date()) }) };
}, { lagoAnswersInShadow: true });

// Odoo owns a credit note's content; voiding one is done in Odoo (README).
export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
