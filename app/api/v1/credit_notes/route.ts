import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { creditNoteListResponse } from "~/server/lago-api/credit-note-list-response";

export const dynamic = "force-dynamic";

export const GET = lagoRoute(({ db, service, searchParams }) => creditNoteListResponse({ db, serviceId: service.id, searchParams }), { lagoAnswersInShadow: true });

// Credit notes are Odoo's (the hub issues a prepaid plan's unused days itself): see the README's table.
export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
