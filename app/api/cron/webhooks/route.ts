import { env } from "~/server/env";
import { cronRoute } from "~/server/http/cron-route";
import { recordScheduleRun } from "~/server/schedules/record-schedule-run";
import { reportWebhookDrain } from "~/server/schedules/schedule-reports";
import { drainWebhooks, webhookSettings } from "~/server/webhooks";

export const dynamic = "force-dynamic";

/** POST /api/cron/webhooks with `x-cron-secret` (every minute): send due lifecycle webhooks (recorded as a schedule run). */
export const POST = cronRoute(async ({ db }) =>
  recordScheduleRun({ db, schedule: "webhooks", trigger: "cron", run: () => drainWebhooks({ db, settings: webhookSettings(env()) }), report: reportWebhookDrain }));
