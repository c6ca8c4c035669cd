import { serializeEvent } from "~/server/lago-api/event-wire";
import { lagoRoute } from "~/server/http/lago-route";
import { findEvent } from "~/server/usage/find-event";
import { unservedMethods } from "~/server/http/lago-resource";

export const dynamic = "force-dynamic";

export const GET = lagoRoute<{ transaction_id: string }>(async ({ db, service, params }) => {
  const event = await findEvent({ db, serviceId: service.id, transactionId: params.transaction_id });
  return {
    event: serializeEvent({ ...event, externalSubscriptionId: event.subscription.externalId, lagoCustomerId: event.subscription.accountLinkId }),
  };
});

export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
