import { createDb } from "~/server/db/client";
import { env } from "~/server/env";
import { previewUsagePush } from "~/server/usage-push/preview-usage-push";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { runSchedule } from "~/server/schedules/run-schedule";

/*
 * npm run push-usage [-- --dry-run]: the cron route's work from a shell, for ops and
 * for a system cron. Reads DATABASE_URL and ODOO_* like the app.
 */
const dryRun = process.argv.includes("--dry-run");
const settings = env();
const { db, close } = await createDb(settings.DATABASE_URL);
try {
  if (dryRun) {
    const rows = await previewUsagePush({ db, odoo: odooClientFromEnv(), now: new Date(), leadHours: settings.USAGE_PUSH_LEAD_HOURS });
    console.log("Dry run: nothing is written to Odoo or to the job table.");
    console.table(rows);
  } else {
    const summary = await runSchedule({ db, settings, odoo: odooClientFromEnv, name: "usage-push", trigger: "cli" });
    if (Array.isArray(summary.planning)) console.table(summary.planning);
    else console.log(`Planning ${summary.planning}`);
    console.table(summary.jobs);
    const failed = summary.jobs.filter((job) => job.outcome === "failed" || job.outcome === "dead").length;
    console.log(`${summary.jobs.length} jobs processed, ${failed} failed.`);
    process.exitCode = failed ? 1 : 0;
  }
} finally {
  await close();
}
