import { createDb } from "~/server/db/client";
import { env } from "~/server/env";
import { sealingKeyFrom } from "~/server/lib/sealed-secret";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { drainQueuedRuns } from "~/server/worker/drain-queued-runs";

/*
 * npm run jobs:drain: POST /api/cron/jobs from a shell, for ops or a system cron: runs the
 * reconciliations and Lago imports queued from the console. Reads DATABASE_URL, ODOO_* and
 * NEXTAUTH_SECRET (which seals queued Lago API keys) like the app.
 */
const [command] = process.argv.slice(2);
if (command !== "drain") {
  console.error("usage: tsx scripts/jobs.ts drain");
  process.exit(2);
}
const settings = env();
const { db, close } = await createDb(settings.DATABASE_URL);
try {
  const { jobs } = await drainQueuedRuns({ db, odoo: odooClientFromEnv, sealingKey: sealingKeyFrom(settings.NEXTAUTH_SECRET) });
  if (jobs.length) console.table(jobs);
  const failed = jobs.filter((job) => job.outcome !== "succeeded").length;
  console.log(`${jobs.length} queued runs processed, ${failed} failed.`);
  process.exitCode = failed ? 1 : 0;
} finally {
  await close();
}
