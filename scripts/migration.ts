/**
 * The migration gate from the command line (DATABASE_URL from the environment):
 *   tsx scripts/migration.ts gate --service <code>          the verdict; exit 0 when green, 1 when red
 *   tsx scripts/migration.ts set-gate --service <code> --periods <n> --tolerance-cents <c>
 */
import { parseArgs } from "node:util";
import { createDb } from "~/server/db/client";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { getMigrationGate } from "~/server/migration/get-migration-gate";
import { setMigrationGate } from "~/server/migration/set-migration-gate";

const USAGE = "usage: npm run migration -- gate --service <code> | set-gate --service <code> --periods <n> --tolerance-cents <c>";
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { service: { type: "string" }, periods: { type: "string" }, "tolerance-cents": { type: "string" } },
});
const [command] = positionals;
if (!values.service || !(command === "gate" || (command === "set-gate" && values.periods && values["tolerance-cents"]))) {
  console.error(USAGE);
  process.exit(2);
}
const { db, close } = await createDb(env().DATABASE_URL);
let exitCode = 0;
try {
  if (command === "gate") {
    const verdict = await getMigrationGate({ db, serviceCode: values.service });
    console.log(`${verdict.serviceCode} (${verdict.billingMode}): ${verdict.reason}`);
    for (const period of verdict.periods.slice(0, verdict.requiredPeriods + 1)) {
      console.log(`  ${period.periodStart.toISOString().slice(0, 10)} → ${period.periodEnd.toISOString().slice(0, 10)}  run ${period.runId}  ${period.blocking.length ? `${period.blocking.length} blocking` : "agrees"}`);
      for (const line of period.blocking.slice(0, 20)) {
        console.log(`    ${line.customerKey} ${line.chargeKey}: Lago ${line.lagoUnits ?? "-"} units ${line.lagoAmountCents ?? "-"}, hub ${line.hubUnits ?? "-"} units ${line.hubAmountCents ?? "-"} (${line.currency ?? "?"} minor units; ${line.why})`);
      }
    }
    exitCode = verdict.green ? 0 : 1;
  } else {
    const gate = await setMigrationGate({ db, serviceCode: values.service, periods: Number(values.periods), toleranceCents: Number(values["tolerance-cents"]) });
    console.log(JSON.stringify(gate));
  }
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`${error.code}: ${error.message}${error.extra.details ? ` ${JSON.stringify(error.extra.details)}` : ""}`);
  exitCode = 2;
} finally {
  await close();
}
process.exit(exitCode);
