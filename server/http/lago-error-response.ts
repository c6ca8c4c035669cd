import { ZodError } from "zod";
import { AppError } from "~/server/errors";
import { isDatabaseUnavailable } from "~/server/db/errors";
import { logger } from "~/server/lib/logger";
import { zodIssuesToLagoDetails } from "./zod-to-lago";

const json = (status: number, body: unknown, headers?: HeadersInit) =>
  Response.json(body, { status, headers });

/** Renders any thrown value as Lago's JSON error body. Internals never leak. */
export function lagoErrorResponse(error: unknown, rootKey?: string): Response {
  if (error instanceof ZodError) {
    return lagoErrorResponse(
      new AppError("validation_errors", "validation failed", { details: zodIssuesToLagoDetails(error.issues, rootKey) }),
    );
  }
  if (error instanceof AppError) {
    switch (error.code) {
      case "bad_request":
        return json(400, { status: 400, error: `BadRequest: ${error.message}` });
      case "unauthorized":
        return json(401, { status: 401, error: "Unauthorized" });
      case "forbidden":
        return json(403, { status: 403, error: "Forbidden", code: error.message });
      case "not_found":
        return json(404, { status: 404, error: "Not Found", code: `${error.extra.resource ?? "resource"}_not_found` });
      case "validation_errors":
        return json(422, {
          status: 422,
          error: "Unprocessable Entity",
          code: "validation_errors",
          error_details: error.extra.details ?? {},
        });
      case "not_allowed":
        return json(405, { status: 405, error: "Method Not Allowed", code: error.message });
      case "payload_too_large":
        return json(413, { status: 413, error: "Payload Too Large" });
      case "rate_limited":
        return json(429, { status: 429, error: "Too Many Requests" });
      case "unavailable":
        return json(503, { status: 503, error: "Service Unavailable" }, { "retry-after": "1" });
    }
  }
  if (isDatabaseUnavailable(error)) {
    return json(503, { status: 503, error: "Service Unavailable" }, { "retry-after": "1" });
  }
  logger().error({ error: describeForLog(error) }, "unhandled API error");
  return json(500, { status: 500, error: "Internal Server Error" });
}

/**
 * What the 500 log may say: the error's class, code and stack frames, never its message
 * or properties. Driver and Prisma messages quote query arguments (request bodies, keys)
 * and fetch errors can carry request headers; the frames locate the bug without them.
 */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return [`${error.name}${typeof code === "string" ? ` [${code}]` : ""}`, ...frames].join("\n");
}
