import { parseArgs } from "node:util";
import { createDb } from "~/server/db/client";
import { env } from "~/server/env";
import type { ImportIssue } from "~/server/lago-import/import-issue";
import { openLagoImport } from "~/server/lago-import/open-lago-import";
import { runLagoImport } from "~/server/lago-import/run-lago-import";

/*
 * npm run lago:import -- --service <code> --base-url <url> --api-key <key> [--per-page N]
 * Imports a Lago organization into one hub service; rerun to resume an unfinished import.
 * The key is only sent to Lago: never printed, never stored.
 */
const { values } = parseArgs({
  options: { service: { type: "string" }, "base-url": { type: "string" }, "api-key": { type: "string" }, "per-page": { type: "string", default: "100" } },
});
if (!values.service || !values["base-url"] || !values["api-key"]) {
  console.error("usage: npm run lago:import -- --service <code> --base-url <url> --api-key <key> [--per-page N]");
  process.exit(2);
}
const { db, close } = await createDb(env().DATABASE_URL);
try {
  const { run, resumed } = await openLagoImport({ db, serviceCode: values.service, baseUrl: values["base-url"] });
  console.log(`${resumed ? "Resuming" : "Starting"} import ${run.id} from ${run.baseUrl} into ${values.service}`);
  const finished = await runLagoImport({
    db,
    run,
    apiKey: values["api-key"],
    perPage: Number(values["per-page"]),
    onProgress: (resource, progress) => console.log(`  ${resource}: ${progress.imported}/${progress.totalCount ?? "?"} rows (page ${progress.page}/${progress.totalPages ?? "?"})`),
  });
  const report = finished.report as unknown as ImportIssue[];
  if (report.length) {
    console.log(`Unsupported Lago features (${report.length}):`);
    console.table(report);
  }
  console.log(finished.status === "succeeded" ? "Import finished." : `Import ${finished.status}: ${finished.error}\nRun the same command again to resume.`);
  process.exitCode = finished.status === "succeeded" ? 0 : 1;
} finally {
  await close();
}
