import { publicOrigin } from "~/server/http/public-origin";
import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { findInvoice } from "~/server/invoices/find-invoice";
import { serializeInvoice } from "~/server/lago-api/invoice-wire";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { odooDate } from "~/server/odoo/odoo-date";

export const dynamic = "force-dynamic";

type Params = { lago_id: string };

/**
 * Lago answers the invoice with its `file_url`. The hub's file URL is its own
 * GET /invoices/{lago_id}/pdf, read with the same API key: Odoo's PDF never leaves the
 * key's scope through a public link.
 */
export const POST = lagoRoute<Params>(async ({ db, service, params, request }) => {
  const invoice = await findInvoice({ db, odoo: odooClientFromEnv, serviceId: service.id, lagoId: params.lago_id });
  const fileUrl = invoice.invoice.state === "posted" ? new URL(`/api/v1/invoices/${params.lago_id}/pdf`, publicOrigin(request)).toString() : null;
  return { invoice: serializeInvoice({ ...invoice, fileUrl }, { today: odooDate(new Date()) }) };
}, { lagoAnswersInShadow: true });

export const { GET, PUT, PATCH, DELETE } = unservedMethods(["POST"]);
