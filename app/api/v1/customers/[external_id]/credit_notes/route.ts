import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { creditNoteListResponse } from "~/server/lago-api/credit-note-list-response";

export const dynamic = "force-dynamic";

type Params = { external_id: string };

export const GET = lagoRoute<Params>(({ db, service, params, searchParams }) =>
  creditNoteListResponse({ db, serviceId: service.id, searchParams, externalCustomerId: params.external_id }), { lagoAnswersInShadow: true });

export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
