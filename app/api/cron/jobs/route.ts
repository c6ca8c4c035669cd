import { env } from "~/server/env";
import { cronRoute } from "~/server/http/cron-route";
import { sealingKeyFrom } from "~/server/lib/sealed-secret";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { drainQueuedRuns } from "~/server/worker/drain-queued-runs";

export const dynamic = "force-dynamic";

/** POST /api/cron/jobs with `x-cron-secret` (every minute): run the reconciliations and Lago imports queued from the console. */
export const POST = cronRoute(async ({ db }) => drainQueuedRuns({ db, odoo: odooClientFromEnv, sealingKey: sealingKeyFrom(env().NEXTAUTH_SECRET) }));
