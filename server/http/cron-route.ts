import type { Db } from "~/server/db/client";
import { getDb } from "~/server/db/client";
import { env } from "~/server/env";
import { lagoErrorResponse } from "~/server/lago-api/error-response";
import { matchesSecret } from "~/server/webhooks/matches-secret";

/**
 * Wraps a cron route: the caller must present CRON_SECRET in `x-cron-secret` (an unset
 * secret closes every cron route), and failures render as JSON errors, never a stack.
 */
export function cronRoute(handler: (context: { db: Db; searchParams: URLSearchParams }) => Promise<unknown>) {
  return async (request: Request): Promise<Response> => {
    try {
      if (!matchesSecret(request.headers.get("x-cron-secret"), env().CRON_SECRET)) {
        return Response.json({ status: 401, error: "Unauthorized" }, { status: 401 });
      }
      const result = await handler({ db: await getDb(), searchParams: new URL(request.url).searchParams });
      return Response.json(result, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return lagoErrorResponse(error);
    }
  };
}
