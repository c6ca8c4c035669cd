/**
 * The migration gate from the command line (DATABASE_URL from the environment):
 *   tsx scripts/migration.ts gate --service <code>          the verdict; exit 0 when green, 1 when red
 *   tsx scripts/migration.ts set-gate --service <code> --periods <n> --tolerance-cents <c> --as <email>
 *   tsx scripts/migration.ts cutover --service <code> --confirm <code> --as <email> [--at <ISO instant>]
 *                                        schedule the move to Odoo (default: the next 1st, UTC); refused unless the gate is green
 *   tsx scripts/migration.ts rollback --service <code> --confirm <code> --as <email>
 *                                        (--as: the ops or admin console user the audit log records)
 *                                        back to Lago: before the boundary, or after it until Odoo's first invoice
 *   tsx scripts/migration.ts complete    turn live the services whose cutover has come (the migration-cutover schedule does this every minute)
 *   tsx scripts/migration.ts sync        queue each shadow service's delta import and the reconciliations of its settled months (the migration-sync schedule does this hourly)
 * complete and sync are recorded as schedule runs, as the worker's are.
 */
import { parseArgs } from "node:util";
import { createDb } from "~/server/db/client";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { getMigrationGate } from "~/server/migration/get-migration-gate";
import { rollBackCutover } from "~/server/migration/roll-back-cutover";
import { scheduleCutover } from "~/server/migration/schedule-cutover";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { setMigrationGate } from "~/server/migration/set-migration-gate";
import { runSchedule } from "~/server/schedules/run-schedule";

const USAGE = [
  "usage: npm run migration -- gate --service <code>",
  "       npm run migration -- set-gate --service <code> --periods <n> --tolerance-cents <c> --as <console user email>",
  "       npm run migration -- cutover --service <code> --confirm <code> --as <console user email> [--at <ISO instant>]",
  "       npm run migration -- rollback --service <code> --confirm <code> --as <console user email>",
  "       npm run migration -- complete",
  "       npm run migration -- sync",
].join("\n");
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { service: { type: "string" }, periods: { type: "string" }, "tolerance-cents": { type: "string" }, confirm: { type: "string" }, at: { type: "string" }, as: { type: "string" } },
});
const [command] = positionals;
const valid =
  command === "complete" ||
  command === "sync" ||
  (values.service && (command === "gate" || (command === "set-gate" && values.periods && values["tolerance-cents"] && values.as) || ((command === "cutover" || command === "rollback") && values.confirm && values.as)));
const at = values.at === undefined ? undefined : new Date(values.at);
if (!valid || (at && Number.isNaN(at.getTime()))) {
  console.error(USAGE);
  process.exit(2);
}
const { db, close } = await createDb(env().DATABASE_URL);

/** The console user a gate change, cutover or rollback is recorded against: an active ops or admin user. */
async function operatorId(email: string): Promise<string> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, role: true, active: true } });
  if (!user?.active || user.role === "finance") throw new AppError("forbidden", `--as ${email}: no active ops or admin console user has that email`);
  return user.id;
}
let exitCode = 0;
try {
  if (command === "gate") {
    const verdict = await getMigrationGate({ db, serviceCode: values.service! });
    console.log(`${verdict.serviceCode} (${verdict.billingMode}): ${verdict.reason}`);
    for (const period of verdict.periods.slice(0, verdict.requiredPeriods + 1)) {
      console.log(`  ${period.periodStart.toISOString().slice(0, 10)} → ${period.periodEnd.toISOString().slice(0, 10)}  run ${period.runId}  ${period.blocking.length ? `${period.blocking.length} blocking` : "agrees"}`);
      for (const line of period.blocking.slice(0, 20)) {
        console.log(`    ${line.customerKey} ${line.chargeKey}: Lago ${line.lagoUnits ?? "-"} units ${line.lagoAmountCents ?? "-"}, hub ${line.hubUnits ?? "-"} units ${line.hubAmountCents ?? "-"} (${line.currency ?? "?"} minor units; ${line.why})`);
      }
    }
    exitCode = verdict.green ? 0 : 1;
  } else if (command === "set-gate") {
    const gate = await setMigrationGate({ db, serviceCode: values.service!, periods: Number(values.periods), toleranceCents: Number(values["tolerance-cents"]), actorId: await operatorId(values.as!) });
    console.log(JSON.stringify(gate));
  } else if (command === "cutover" || command === "rollback") {
    const actorId = await operatorId(values.as!);
    if (command === "cutover") {
      const scheduled = await scheduleCutover({ db, serviceCode: values.service!, confirmation: values.confirm!, at, actorId });
      console.log(`${scheduled.code}: cutover at ${scheduled.cutoverAt!.toISOString()}; ${scheduled.lagoSubscriptionsEnding} Lago subscription(s) will end there (forwarded); the service turns live then`);
    } else {
      const rolledBack = await rollBackCutover({ db, odoo: odooClientFromEnv, serviceCode: values.service!, confirmation: values.confirm!, actorId });
      console.log(`${values.service}: ${rolledBack.stage}; ${rolledBack.odooOrdersClosed} Odoo order(s) closed, ${rolledBack.lagoSubscriptionsRestored} Lago subscription(s) restored`);
    }
  } else if (command === "complete") {
    const { servicesCutOver } = await runSchedule({ db, settings: env(), odoo: odooClientFromEnv, name: "migration-cutover", trigger: "cli" });
    console.log(servicesCutOver.length ? `now live: ${servicesCutOver.join(", ")}` : "no cutover has come due");
  } else {
    const synced = await runSchedule({ db, settings: env(), odoo: odooClientFromEnv, name: "migration-sync", trigger: "cli" });
    console.log(`delta imports queued: ${synced.importsQueued.join(", ") || "none"}; reconciliations queued: ${synced.reconciliationsQueued.join(", ") || "none"}`);
    for (const { service, why } of synced.waiting) console.log(`  ${service}: ${why}`);
    for (const { subject, message } of synced.errors) console.error(`  ${subject}: ${message}`);
    exitCode = synced.errors.length ? 1 : 0;
  }
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`${error.code}: ${error.message}${error.extra.details ? ` ${JSON.stringify(error.extra.details)}` : ""}`);
  exitCode = 2;
} finally {
  await close();
}
process.exit(exitCode);
