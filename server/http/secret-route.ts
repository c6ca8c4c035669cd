import { type Db, getDb } from "~/server/db/client";
import { lagoErrorResponse } from "./lago-error-response";
import { matchesSecret } from "./matches-secret";

export interface SecretRouteContext<Params> {
  db: Db;
  request: Request;
  params: Params;
  searchParams: URLSearchParams;
}

/**
 * Wraps a machine-to-machine route guarded by a shared secret (cron, Odoo automation
 * rules): the presented secret must match the configured one, compared in constant time
 * (an unset secret closes the route), and failures render as JSON errors, never a stack.
 */
export function secretRoute<Params>(
  secret: { expected: () => string | undefined; given: (request: Request, params: Params) => string | null | undefined },
  handler: (context: SecretRouteContext<Params>) => Promise<unknown>,
) {
  return async (request: Request, route: { params: Promise<Params> }): Promise<Response> => {
    try {
      const params = await route.params;
      if (!matchesSecret(secret.given(request, params), secret.expected())) {
        return Response.json({ status: 401, error: "Unauthorized" }, { status: 401 });
      }
      const result = await handler({ db: await getDb(), request, params, searchParams: new URL(request.url).searchParams });
      return Response.json(result, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return lagoErrorResponse(error);
    }
  };
}
