import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { findInvoice } from "~/server/invoices/find-invoice";
import { serializeInvoice } from "~/server/lago-api/invoice-wire";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { odooDate } from "~/server/odoo/odoo-date";

export const dynamic = "force-dynamic";

type Params = { lago_id: string };

export const GET = lagoRoute<Params>(async ({ db, service, params }) => ({
  invoice: serializeInvoice(await findInvoice({ db, odoo: odooClientFromEnv, serviceId: service.id, lagoId: params.lago_id }), { today: odooDate(new Date()) }),
}), { lagoAnswersInShadow: true });

// Odoo owns an invoice's payment state and content: PUT and DELETE are refused (README).
export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
