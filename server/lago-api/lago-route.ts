import type { Db } from "~/server/db/client";
import { getDb } from "~/server/db/client";
import { env } from "~/server/env";
import { type AuthenticatedService, authenticateService } from "~/server/services/authenticate-service";
import { lagoErrorResponse } from "./error-response";
import { readJsonBody } from "./read-json-body";

export interface LagoContext<Params> {
  db: Db;
  service: AuthenticatedService;
  params: Params;
  request: Request;
  searchParams: URLSearchParams;
  /** Parses the JSON body with the configured size limit (400/413 on bad input). */
  body: () => Promise<unknown>;
}

/**
 * Wraps a Lago-compatible route handler once: authenticates the service's bearer
 * key, gives it a size-limited body reader, and turns every failure into Lago's
 * error JSON. Handlers return the 200 body (or a Response for other statuses).
 */
export function lagoRoute<Params = Record<string, never>>(
  handler: (context: LagoContext<Params>) => Promise<unknown>,
  options: { rootKey?: string } = {},
) {
  return async (request: Request, route: { params: Promise<Params> }): Promise<Response> => {
    try {
      const db = await getDb();
      const service = await authenticateService(db, request.headers.get("authorization"));
      const result = await handler({
        db,
        service,
        params: await route.params,
        request,
        searchParams: new URL(request.url).searchParams,
        body: () => readJsonBody(request, env().API_MAX_BODY_BYTES),
      });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return lagoErrorResponse(error, options.rootKey);
    }
  };
}
