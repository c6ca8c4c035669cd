import { env } from "~/server/env";
import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { customerPortalLink } from "~/server/invoices/customer-portal-link";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";

export const dynamic = "force-dynamic";

type Params = { external_id: string };

// Lago's GET /customers/{external_id}/portal_url: { customer: { portal_url } }.
export const GET = lagoRoute<Params>(async ({ db, service, params }) => {
  const { url } = await customerPortalLink({
    db, odoo: odooClientFromEnv, serviceId: service.id, externalId: params.external_id, portalBaseUrl: env().ODOO_PORTAL_URL ?? env().ODOO_URL ?? "",
  });
  return { customer: { portal_url: url.toString() } };
}, { lagoAnswersInShadow: true });

export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
