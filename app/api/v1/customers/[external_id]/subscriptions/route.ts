import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { paginationMeta, paginationWindow, parsePagination } from "~/server/http/lago-pagination";
import { serializeSubscription } from "~/server/lago-api/subscription-wire";
import { findCustomer } from "~/server/identity/find-customer";
import { listSubscriptions } from "~/server/subscriptions/list-subscriptions";

export const dynamic = "force-dynamic";

type Params = { external_id: string };

/** Lago's GET /customers/{external_customer_id}/subscriptions: the customer's live subscriptions (404 for an unknown customer). */
export const GET = lagoRoute<Params>(async ({ db, service, params, searchParams }) => {
  await findCustomer({ db, serviceId: service.id, externalId: params.external_id });
  const pagination = parsePagination(searchParams);
  const { subscriptions, totalCount } = await listSubscriptions({
    db, serviceId: service.id, page: paginationWindow(pagination), filters: { externalCustomerId: params.external_id, statuses: [] },
  });
  return { subscriptions: subscriptions.map((s) => serializeSubscription(s)), meta: paginationMeta(pagination, totalCount) };
});

export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
