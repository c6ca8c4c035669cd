import { env } from "~/server/env";
import { validationFailed } from "~/server/errors";
import { eventInputSchema, rawEventFromWire, serializeEvent } from "~/server/lago-api/event-wire";
import { lagoRoute } from "~/server/http/lago-route";
import { zodIssuesToLagoDetails } from "~/server/http/zod-to-lago";
import { ingestEvents } from "~/server/usage/ingest-events";
import { unservedMethods } from "~/server/http/lago-resource";
import { countEventsAccepted, countEventsRefused, observeEventsRequest } from "~/server/lago-api/event-metrics";

export const dynamic = "force-dynamic";

export const POST = lagoRoute(async ({ db, service, body }) => {
  const raw = await body();
  const events = raw && typeof raw === "object" ? (raw as { events?: unknown }).events : undefined;
  if (events === undefined || events === null || (Array.isArray(events) && events.length === 0)) {
    throw validationFailed({ events: ["no_events"] });
  }
  if (!Array.isArray(events)) throw validationFailed({ events: ["invalid_format"] });
  if (events.length > env().EVENTS_BATCH_LIMIT) throw validationFailed({ events: ["too_many_events"] });

  // Lago keys batch errors by the event's index: {"3": {"timestamp": ["invalid_format"]}}.
  const errors: Record<string, Record<string, string[]>> = {};
  const parsed = events.map((event, index) => {
    const result = eventInputSchema.safeParse(event);
    if (!result.success) errors[String(index)] = zodIssuesToLagoDetails(result.error.issues) as Record<string, string[]>;
    return result.success ? rawEventFromWire(result.data) : null;
  });
  if (Object.keys(errors).length) throw countEventsRefused(validationFailed(errors), events.map((_, index) => errors[String(index)]));

  const result = await ingestEvents({ db, serviceId: service.id, events: parsed.filter((e) => e !== null), maxAgeDays: env().USAGE_EVENTS_MAX_AGE_DAYS });
  // A batch is all or nothing: every refused event is a 422 keyed by its index, even an unknown subscription.
  if (!result.ok) {
    const refused = validationFailed(Object.fromEntries([...result.errors].sort(([a], [b]) => a - b).map(([index, fields]) => [String(index), fields])));
    throw countEventsRefused(refused, events.map((_, index) => result.errors.get(index)));
  }
  countEventsAccepted({ stored: result.stored, duplicates: result.events.length - result.stored });
  return { events: result.events.map(serializeEvent) };
}, { observe: observeEventsRequest("batch") });

export const { GET, PUT, PATCH, DELETE } = unservedMethods(["POST"]);
