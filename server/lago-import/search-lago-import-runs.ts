import type { LagoImportRun } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableWindow } from "~/server/db/table-query";

const SORTABLE = ["createdAt"] as const;

/** Import runs with their checkpoint (progress per resource) and report, newest first. */
export async function searchLagoImportRuns(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<LagoImportRun & { serviceCode: string }>> {
  const [runs, totalCount] = await Promise.all([
    options.db.lagoImportRun.findMany({ ...tableWindow(options.query, SORTABLE, { id: "createdAt", desc: true }) }),
    options.db.lagoImportRun.count(),
  ]);
  const services = await options.db.service.findMany({ where: { id: { in: runs.map((run) => run.serviceId) } }, select: { id: true, code: true } });
  const codeOf = new Map(services.map((service) => [service.id, service.code]));
  return { rows: runs.map((run) => ({ ...run, serviceCode: codeOf.get(run.serviceId) ?? "?" })), totalCount };
}
