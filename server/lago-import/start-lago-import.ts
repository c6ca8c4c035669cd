import type { LagoImportRun } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import { openLagoImport } from "./open-lago-import";
import { runLagoImport } from "./run-lago-import";

/**
 * For the console: opens (or resumes) an import and runs it in the background; the screen
 * polls the run's progress. The API key lives only in this closure, never in the run,
 * the audit log or an error message.
 */
export async function startLagoImport(options: { db: Db; serviceCode: string; baseUrl: string; apiKey: string; actorId?: string }): Promise<{ run: LagoImportRun; resumed: boolean }> {
  const opened = await openLagoImport(options);
  await recordAudit(options.db, { actorId: options.actorId, action: opened.resumed ? "lago_import.resume" : "lago_import.start", entityType: "lago_import_run", entityId: opened.run.id, after: opened.run });
  void runLagoImport({ db: options.db, run: opened.run, apiKey: options.apiKey, startedBy: options.actorId }).catch((error: unknown) => {
    console.error(`Lago import ${opened.run.id} stopped:`, error instanceof Error ? error.message : error);
  });
  return opened;
}
