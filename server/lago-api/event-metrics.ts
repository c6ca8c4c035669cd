import { AppError } from "~/server/errors";
import { isDatabaseUnavailable } from "~/server/db/errors";
import { metrics } from "~/server/lib/metrics";

// Refusals already counted per event by the route, so the request's outcome does not count them again.
const counted = new WeakSet<object>();

/** The first Lago code of one event's field errors (`{ timestamp: ["value_is_out_of_range"] }`). */
const firstCode = (fields: Record<string, string[]> | undefined): string => Object.values(fields ?? {}).flat()[0] ?? "invalid";

export function countEventsAccepted(options: { stored: number; duplicates: number }): void {
  if (options.stored) metrics().eventsAccepted.inc({ result: "stored" }, options.stored);
  if (options.duplicates) metrics().eventsAccepted.inc({ result: "duplicate" }, options.duplicates);
}

/**
 * Counts each refused event of a request by its reason (its first error code; the valid
 * events of a refused batch as `in_refused_batch`, since a batch is all or nothing) and
 * returns the error to throw.
 */
export function countEventsRefused(error: AppError, perEvent: ReadonlyArray<Record<string, string[]> | undefined>): AppError {
  const refused = metrics().eventsRefused;
  const anyError = perEvent.some((fields) => fields !== undefined);
  for (const fields of perEvent) refused.inc({ reason: fields ? firstCode(fields) : anyError ? "in_refused_batch" : "invalid" });
  counted.add(error);
  return error;
}

/** The reason a request was refused before (or without) its events being judged one by one. */
function requestRefusal(error: unknown): string {
  if (error instanceof AppError) {
    if (error.code === "not_found") return `${error.extra.resource ?? "resource"}_not_found`;
    if (error.code === "validation_errors") return firstCode(error.extra.details as Record<string, string[]> | undefined);
    return error.code;
  }
  return isDatabaseUnavailable(error) ? "unavailable" : "internal_error";
}

/** lagoRoute's `observe` of the event endpoints: latency by status class, and refusals not counted per event. */
export function observeEventsRequest(endpoint: "single" | "batch") {
  return (outcome: { status: number; error: unknown; seconds: number }): void => {
    metrics().eventsRequestSeconds.observe({ endpoint, status: `${Math.floor(outcome.status / 100)}xx` }, outcome.seconds);
    if (outcome.error !== null && !(typeof outcome.error === "object" && counted.has(outcome.error))) {
      metrics().eventsRefused.inc({ reason: requestRefusal(outcome.error) });
    }
  };
}
