import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { invoiceListResponse } from "~/server/lago-api/invoice-list-response";

export const dynamic = "force-dynamic";

export const GET = lagoRoute(({ db, service, searchParams }) => invoiceListResponse({ db, serviceId: service.id, searchParams }), { lagoAnswersInShadow: true });

// POST (one-off invoices) would bill outside Odoo's subscription orders: see the README's table.
export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
