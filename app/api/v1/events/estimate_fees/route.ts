import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { parseRoot } from "~/server/http/read-json-body";
import { estimateFeesSchema, serializeEstimate } from "~/server/lago-api/estimate-wire";
import { estimateEventFees } from "~/server/usage/estimate-event-fees";

export const dynamic = "force-dynamic";

export const POST = lagoRoute(async ({ db, service, body }) => {
  const event = parseRoot(await body(), "event", estimateFeesSchema);
  return serializeEstimate(await estimateEventFees({
    db, serviceId: service.id, externalSubscriptionId: event.external_subscription_id, code: event.code, properties: event.properties,
  }));
}, { rootKey: "event" });

export const { GET, PUT, PATCH, DELETE } = unservedMethods(["POST"]);
