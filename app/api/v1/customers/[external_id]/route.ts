import { deleteCustomer } from "~/server/identity/delete-customer";
import { findCustomer } from "~/server/identity/find-customer";
import { serializeCustomer } from "~/server/lago-api/customer-wire";
import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";

export const dynamic = "force-dynamic";

type Params = { external_id: string };

export const GET = lagoRoute<Params>(async ({ db, service, params }) => ({
  customer: serializeCustomer(await findCustomer({ db, serviceId: service.id, externalId: params.external_id })),
}));

export const DELETE = lagoRoute<Params>(async ({ db, service, params }) => ({
  customer: serializeCustomer(await deleteCustomer({ db, serviceId: service.id, externalId: params.external_id, actor: { actorServiceId: service.id } })),
}));

export const { POST, PUT, PATCH } = unservedMethods(["GET", "DELETE"]);
