/**
 * Lifecycle webhooks from the command line (DATABASE_URL, ODOO_* from the environment):
 *   tsx scripts/webhooks.ts drain                   send every due webhook
 *   tsx scripts/webhooks.ts poll                    read Odoo for lost lifecycle changes
 *   tsx scripts/webhooks.ts replay <delivery-id>    queue one delivery again
 *   tsx scripts/webhooks.ts replay-dead <service>   queue every dead delivery of a service (code)
 */
import { createDb } from "~/server/db/client";
import { env } from "~/server/env";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { runSchedule } from "~/server/schedules/run-schedule";
import { replayDeadWebhookDeliveries, replayWebhookDelivery, webhookSettings } from "~/server/webhooks";

const [command, argument = ""] = process.argv.slice(2);
if (!(command === "drain" || command === "poll" || ((command === "replay" || command === "replay-dead") && argument))) {
  console.error("usage: tsx scripts/webhooks.ts drain | poll | replay <delivery-id> | replay-dead <service-code>");
  process.exit(2);
}
const { db, close } = await createDb(env().DATABASE_URL);
const settings = webhookSettings(env());

async function run(): Promise<unknown> {
  switch (command) {
    case "drain":
      return runSchedule({ db, settings: env(), odoo: odooClientFromEnv, name: "webhooks", trigger: "cli" });
    case "poll":
      return runSchedule({ db, settings: env(), odoo: odooClientFromEnv, name: "odoo-poll", trigger: "cli" });
    case "replay":
      return { replayed: (await replayWebhookDelivery({ db, settings, deliveryId: argument })).id };
    default:
      return replayDeadWebhookDeliveries({ db, settings, serviceCode: argument });
  }
}

try {
  console.log(JSON.stringify(await run()));
} finally {
  await close();
}
process.exit(0);
