import type { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { fetchLagoJson, type LagoConnection } from "~/server/lago-client/fetch-lago-json";
import { type ImportIssue, issueKey } from "./import-issue";
import { emptyProgress, type ImportProgress, type LagoResource, type ResourceProgress } from "./import-progress";
import { lagoMetaSchema } from "./lago-wire";

export interface PageImport<T> {
  db: Db;
  runId: string;
  connection: LagoConnection;
  resource: LagoResource;
  /** Extra query for the list call, e.g. `status[]=terminated` (page and per_page are added). */
  query?: string;
  perPage: number;
  schema: z.ZodType<T>;
  /** Imports one row idempotently (upserts by Lago id/code) and returns what it could not carry over. */
  importItem: (item: T) => Promise<ImportIssue[]>;
  onProgress?: (resource: LagoResource, progress: ResourceProgress) => void;
}

const rowId = (row: unknown) => {
  const fields = (row ?? {}) as Record<string, unknown>;
  return String(fields.code ?? fields.external_id ?? fields.lago_id ?? "?");
};

/** Saves a page's checkpoint and its issues together, so a rerun never re-reports or skips a page. */
async function checkpoint(db: Db, runId: string, resource: LagoResource, progress: ResourceProgress, issues: ImportIssue[]) {
  await db.$transaction(async (tx) => {
    const run = await tx.lagoImportRun.findUniqueOrThrow({ where: { id: runId } });
    const report = run.report as unknown as ImportIssue[];
    const seen = new Set(report.map(issueKey));
    const fresh = issues.filter((issue) => !seen.has(issueKey(issue)) && seen.add(issueKey(issue)));
    await tx.lagoImportRun.update({
      where: { id: runId },
      data: {
        progress: { ...(run.progress as ImportProgress), [resource]: progress } as Prisma.InputJsonValue,
        report: [...report, ...fresh] as unknown as Prisma.InputJsonValue,
      },
    });
  });
}

/**
 * Walks one Lago list endpoint page by page from the run's checkpoint. A page is
 * checkpointed only after all its rows are imported, so a failure mid-page (Lago down,
 * a timeout) makes the next run redo that page — harmless, rows are upserted. A row the
 * hub's domain refuses (AppError) is reported and skipped; anything else stops the run.
 */
export async function importLagoPages<T>(options: PageImport<T>): Promise<ResourceProgress> {
  const { db, runId, resource } = options;
  const run = await db.lagoImportRun.findUniqueOrThrow({ where: { id: runId } });
  let progress = (run.progress as ImportProgress)[resource] ?? emptyProgress();
  while (!progress.done) {
    const page = progress.page + 1;
    const body = (await fetchLagoJson(options.connection, `/${resource}?${options.query ? `${options.query}&` : ""}page=${page}&per_page=${options.perPage}`)) as Record<string, unknown>;
    const meta = lagoMetaSchema.parse(body.meta);
    const rows = Array.isArray(body[resource]) ? (body[resource] as unknown[]) : [];
    const issues: ImportIssue[] = [];
    for (const row of rows) {
      const parsed = options.schema.safeParse(row);
      if (!parsed.success) {
        issues.push({ resource, id: rowId(row), feature: "unreadable", detail: parsed.error.message.slice(0, 300), action: "skipped" });
        continue;
      }
      try {
        issues.push(...(await options.importItem(parsed.data)));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        issues.push({ resource, id: rowId(row), feature: "refused", detail: `${error.message} ${JSON.stringify(error.extra.details ?? error.extra.resource ?? "")}`, action: "skipped" });
      }
    }
    progress = { page, totalPages: meta.total_pages, totalCount: meta.total_count, imported: progress.imported + rows.length, done: !meta.next_page };
    await checkpoint(db, runId, resource, progress, issues);
    options.onProgress?.(resource, progress);
  }
  return progress;
}
