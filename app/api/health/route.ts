import { getDb } from "~/server/db/client";
import { lagoErrorResponse } from "~/server/http/lago-error-response";

export const dynamic = "force-dynamic";

/** Liveness + database reachability, for the demo launcher, tests and load balancers. */
export async function GET() {
  try {
    const db = await getDb();
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch (error) {
    return lagoErrorResponse(error);
  }
}
