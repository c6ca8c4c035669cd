import { env } from "~/server/env";
import { AppError, notFound } from "~/server/errors";
import { eventInputSchema, rawEventFromWire, serializeEvent } from "~/server/lago-api/event-wire";
import { lagoRoute } from "~/server/http/lago-route";
import { paginationMeta, paginationWindow, parsePagination } from "~/server/http/lago-pagination";
import { parseRoot } from "~/server/http/read-json-body";
import { isoDate } from "~/server/lago-api/wire-common";
import { listEvents } from "~/server/usage/list-events";
import { ingestEvents } from "~/server/usage/ingest-events";
import { unservedMethods } from "~/server/http/lago-resource";
import { countEventsAccepted, countEventsRefused, observeEventsRequest } from "~/server/lago-api/event-metrics";

export const dynamic = "force-dynamic";

/** As Lago's validator answers one event: an unknown subscription or metric is a 404, anything else a 422. */
function refusal(fields: Record<string, string[]>): AppError {
  if (fields.external_subscription_id?.includes("subscription_not_found")) return notFound("subscription");
  if (fields.code?.includes("billable_metric_not_found")) return notFound("billable_metric");
  return new AppError("validation_errors", "invalid event", { details: fields });
}

export const POST = lagoRoute(async ({ db, service, body }) => {
  const input = parseRoot(await body(), "event", eventInputSchema);
  const result = await ingestEvents({ db, serviceId: service.id, events: [rawEventFromWire(input)], maxAgeDays: env().USAGE_EVENTS_MAX_AGE_DAYS });
  if (!result.ok) throw countEventsRefused(refusal(result.errors.get(0) ?? {}), [result.errors.get(0) ?? {}]);
  countEventsAccepted({ stored: result.stored, duplicates: result.events.length - result.stored });
  return { event: serializeEvent(result.events[0]!) };
}, { observe: observeEventsRequest("single") });

export const GET = lagoRoute(async ({ db, service, searchParams }) => {
  const pagination = parsePagination(searchParams);
  const from = searchParams.get("timestamp_from");
  const to = searchParams.get("timestamp_to");
  const { events, totalCount } = await listEvents({
    db,
    serviceId: service.id,
    page: paginationWindow(pagination),
    filters: {
      externalSubscriptionId: searchParams.get("external_subscription_id") ?? undefined,
      code: searchParams.get("code") ?? undefined,
      timestampFrom: from ? isoDate.parse(from) : undefined,
      timestampTo: to ? isoDate.parse(to) : undefined,
    },
  });
  return {
    events: events.map((e) => serializeEvent({ ...e, externalSubscriptionId: e.subscription.externalId, lagoCustomerId: e.subscription.accountLinkId })),
    meta: paginationMeta(pagination, totalCount),
  };
});

export const { PUT, PATCH, DELETE } = unservedMethods(["GET", "POST"]);
