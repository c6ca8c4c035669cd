type Handler = (request: Request) => Promise<Response>;

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Lago's JSON error body for a known path called with a method it does not serve. */
export function methodNotAllowed(allowed: readonly HttpMethod[]): Response {
  return Response.json(
    { status: 405, error: "Method Not Allowed", code: "method_not_allowed" },
    { status: 405, headers: { allow: allowed.join(", ") } },
  );
}

/**
 * Handlers for the methods a route file does not serve. Next answers a method a route
 * file does not export with an empty 405, which a Lago client cannot parse, so each
 * route file exports the other methods from here:
 * `export const { PUT, PATCH, DELETE } = unservedMethods(["GET", "POST"]);`
 * (tests/api/routes.int.test.ts holds every route file to all five).
 */
export function unservedMethods(served: readonly HttpMethod[]): Record<HttpMethod, Handler> {
  const refuse: Handler = async () => methodNotAllowed(served);
  return Object.fromEntries(HTTP_METHODS.map((method) => [method, refuse])) as Record<HttpMethod, Handler>;
}
