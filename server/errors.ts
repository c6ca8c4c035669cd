/**
 * The one error type domain code throws. The Lago API wrapper renders it as Lago's
 * JSON error body; the tRPC formatter as a typed tRPC error. Domain code never
 * throws HTTP or tRPC errors itself.
 */
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "validation_errors"
  | "not_allowed"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable";

/** Field path → Lago error codes, e.g. `{ code: ["value_already_exist"] }`. */
export type ErrorDetails = Record<string, string[] | Record<string, string[]>>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extra: { resource?: string; details?: ErrorDetails } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Lago's 404 code is `<resource>_not_found`. */
export const notFound = (resource: string) =>
  new AppError("not_found", `${resource} not found`, { resource });

export const validationFailed = (details: ErrorDetails) =>
  new AppError("validation_errors", "validation failed", { details });

/** Lago's 405 for an operation the resource's state forbids (e.g. `no_active_subscription`). */
export const notAllowed = (code: string) => new AppError("not_allowed", code);

export const badRequest = (message: string) => new AppError("bad_request", message);
