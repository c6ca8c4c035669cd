import { getDb } from "~/server/db/client";
import { isDraining } from "~/server/lib/shutdown";
import { configuredOdooClient } from "~/server/odoo/client-from-env";
import { checkReadiness } from "~/server/status/check-readiness";

export const dynamic = "force-dynamic";

/**
 * GET /api/health/ready[?only=database]: 200 when this instance can work (database, and
 * Odoo when configured), else 503 with the reason; 503 too while it is stopping. Liveness
 * stays GET /api/health.
 */
export async function GET(request: Request) {
  const only = new URL(request.url).searchParams.get("only");
  if (only !== null && only !== "database") {
    return Response.json({ status: 400, error: "BadRequest: only=database is the one restriction" }, { status: 400 });
  }
  const readiness = await checkReadiness({
    db: await getDb(),
    odoo: configuredOdooClient,
    draining: isDraining(),
    checks: only === "database" ? ["database"] : undefined,
  }).catch((error: unknown) => ({ ready: false, reason: `database: ${error instanceof Error ? error.name : "unavailable"}`, draining: isDraining(), checks: {} }));
  return Response.json(
    { status: readiness.ready ? "ready" : "not_ready", ...readiness },
    { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
