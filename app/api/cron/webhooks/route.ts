import { env } from "~/server/env";
import { cronRoute } from "~/server/http/cron-route";
import { drainWebhooks, webhookSettings } from "~/server/webhooks";

export const dynamic = "force-dynamic";

/** POST /api/cron/webhooks with `x-cron-secret` (every minute): send due lifecycle webhooks. */
export const POST = cronRoute(async ({ db }) => drainWebhooks({ db, settings: webhookSettings(env()) }));
