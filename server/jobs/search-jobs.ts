import type { Prisma } from "~/generated/prisma/client";
import { JobState } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableEnumFilter, tableOrderBy, tableSearch, pageWindow, readTablePage } from "~/server/db/table-query";

const jobRowInclude = { subscription: { select: { externalId: true } } } satisfies Prisma.JobInclude;
export type JobRow = Prisma.JobGetPayload<{ include: typeof jobRowInclude }>;

const SORTABLE = ["state", "attempts", "nextRunAt", "periodStart", "updatedAt"] as const;
const FILTERABLE = ["state"] as const;

/** The job table as the ops screen shows it. */
export async function searchJobs(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<JobRow>> {
  const { query } = options;
  const state = tableEnumFilter(query, FILTERABLE, "state", JobState);
  const where: Prisma.JobWhereInput = { ...tableSearch(query, ["metricCode", "lastError"]), ...(state ? { state } : {}) };
  return readTablePage(
    options.db.job.findMany({ where, include: jobRowInclude, orderBy: tableOrderBy(query, SORTABLE, { id: "updatedAt", desc: true }), ...pageWindow(query) }),
    options.db.job.count({ where }),
  );
}
