import { env } from "~/server/env";
import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { fetchInvoicePdf } from "~/server/invoices/fetch-invoice-pdf";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";

export const dynamic = "force-dynamic";

type Params = { lago_id: string };

/** The hub's `file_url` (POST /invoices/{id}/download): Odoo's PDF, streamed, for the key that may see the invoice. */
export const GET = lagoRoute<Params>(async ({ db, service, params }) => {
  const pdf = await fetchInvoicePdf({
    db, odoo: odooClientFromEnv, serviceId: service.id, lagoId: params.lago_id, odooBaseUrl: env().ODOO_URL ?? "", timeoutMs: env().ODOO_TIMEOUT_MS,
  });
  return new Response(pdf.body, { headers: { "content-type": "application/pdf", "content-disposition": pdf.disposition, "cache-control": "private, no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
