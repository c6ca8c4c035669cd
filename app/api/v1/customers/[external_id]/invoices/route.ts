import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { invoiceListResponse } from "~/server/lago-api/invoice-list-response";

export const dynamic = "force-dynamic";

type Params = { external_id: string };

export const GET = lagoRoute<Params>(({ db, service, params, searchParams }) =>
  invoiceListResponse({ db, serviceId: service.id, searchParams, externalCustomerId: params.external_id }), { lagoAnswersInShadow: true });

export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
