import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { appCustomerPortalLink } from "~/server/invoices/customer-portal-link";

export const dynamic = "force-dynamic";

type Params = { external_id: string };

// Lago's GET /customers/{external_id}/portal_url: { customer: { portal_url } }.
export const GET = lagoRoute<Params>(async ({ db, service, params }) => {
  const { url } = await appCustomerPortalLink({ db, serviceId: service.id, externalId: params.external_id });
  return { customer: { portal_url: url.toString() } };
}, { lagoAnswersInShadow: true });

export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
