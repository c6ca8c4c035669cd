import { getDb } from "~/server/db/client";
import { env } from "~/server/env";
import { bearerToken } from "~/server/services/authenticate-service";
import { matchesSecret } from "~/server/http/matches-secret";
import { renderMetrics } from "~/server/status/render-metrics";

export const dynamic = "force-dynamic";

/** GET /api/metrics with `Authorization: Bearer $METRICS_TOKEN`: Prometheus text; unset token = closed. */
export async function GET(request: Request) {
  if (!matchesSecret(bearerToken(request.headers.get("authorization")), env().METRICS_TOKEN)) {
    return Response.json({ status: 401, error: "Unauthorized" }, { status: 401 });
  }
  const { contentType, body } = await renderMetrics({ db: getDb });
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
