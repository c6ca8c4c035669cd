import { createDb } from "~/server/db/client";
import { env } from "~/server/env";
import { checkRollups } from "~/server/usage/check-rollups";
import { dropExpiredPartitions } from "~/server/usage/drop-expired-partitions";
import { rebuildRollups } from "~/server/usage/rebuild-rollups";

/*
 * npm run usage:check [-- --repair]   recompute rollups from raw events and report drift
 * npm run usage:retention             drop event partitions older than USAGE_EVENTS_RETENTION_MONTHS
 */
const [command] = process.argv.slice(2);
const settings = env();
const { db, close } = await createDb(settings.DATABASE_URL);
try {
  if (command === "check") {
    const drift = await checkRollups({ db });
    if (!drift.length) console.log("Rollups match raw events: no drift.");
    else {
      console.table(drift);
      if (process.argv.includes("--repair")) {
        const subscriptions = [...new Set(drift.map((d) => d.subscriptionId))];
        for (const subscriptionId of subscriptions) await rebuildRollups({ db, subscriptionId });
        console.log(`Rebuilt rollups of ${subscriptions.length} subscription(s).`);
      } else process.exitCode = 1;
    }
  } else if (command === "retention") {
    if (!settings.USAGE_EVENTS_RETENTION_MONTHS) {
      console.log("USAGE_EVENTS_RETENTION_MONTHS is not set: events are kept forever.");
    } else {
      const dropped = await dropExpiredPartitions({ db, retentionMonths: settings.USAGE_EVENTS_RETENTION_MONTHS });
      console.log(dropped.length ? `Dropped ${dropped.join(", ")}` : "No partition is past retention.");
    }
  } else {
    console.error("usage: tsx scripts/usage-maintenance.ts check [--repair] | retention");
    process.exitCode = 2;
  }
} finally {
  await close();
}
