/**
 * Shadow services' Lago forwards from the command line (DATABASE_URL from the environment):
 *   tsx scripts/lago-forward.ts drain                 send every due forward
 *   tsx scripts/lago-forward.ts replay <forward-id>   send one dead forward again
 */
import { createDb } from "~/server/db/client";
import { env } from "~/server/env";
import { replayLagoForward } from "~/server/lago-forward/replay-lago-forward";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { runSchedule } from "~/server/schedules/run-schedule";

const [command, argument = ""] = process.argv.slice(2);
if (!(command === "drain" || (command === "replay" && argument))) {
  console.error("usage: tsx scripts/lago-forward.ts drain | replay <forward-id>");
  process.exit(2);
}
const { db, close } = await createDb(env().DATABASE_URL);
try {
  const result = command === "drain"
    ? await runSchedule({ db, settings: env(), odoo: odooClientFromEnv, name: "lago-forward", trigger: "cli" })
    : { replayed: await replayLagoForward({ db, id: argument }) };
  console.log(JSON.stringify(result));
} finally {
  await close();
}
process.exit(0);
