import { env } from "~/server/env";
import { cronRoute } from "~/server/http/cron-route";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { pollOdooLifecycle, webhookSettings } from "~/server/webhooks";

export const dynamic = "force-dynamic";

/** POST /api/cron/odoo-poll with `x-cron-secret` (every few minutes): catch Odoo changes whose webhook was lost. */
export const POST = cronRoute(async ({ db }) => pollOdooLifecycle({ db, settings: webhookSettings(env()), odoo: odooClientFromEnv() }));
