import type { Prisma } from "~/generated/prisma/client";
import { JobKind, JobState } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, pageWindow, readTablePage, tableEnumFilter, tableOrderBy, tableSearch } from "~/server/db/table-query";

// A job's sealed secret never leaves the table, not even sealed.
const jobRowQuery = {
  include: { subscription: { select: { externalId: true, accountLink: { select: { externalId: true, billingCustomerId: true } } } } },
  omit: { secret: true },
} satisfies Prisma.JobDefaultArgs;
export type JobRow = Prisma.JobGetPayload<typeof jobRowQuery>;

const SORTABLE = ["kind", "state", "attempts", "nextRunAt", "periodStart", "updatedAt"] as const;
const FILTERABLE = ["kind", "state"] as const;

/** The jobs a table query selects (its filters and search, not its page): the list and the bulk retry share it. */
export function jobFilter(query: TableQuery): Prisma.JobWhereInput {
  const kind = tableEnumFilter(query, FILTERABLE, "kind", JobKind);
  const state = tableEnumFilter(query, FILTERABLE, "state", JobState);
  return { ...tableSearch(query, ["metricCode", "lastError"]), ...(kind ? { kind } : {}), ...(state ? { state } : {}) };
}

/** The job table as the ops screen shows it, every kind. */
export async function searchJobs(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<JobRow>> {
  const { query } = options;
  const where = jobFilter(query);
  return readTablePage(
    options.db.job.findMany({ where, ...jobRowQuery, orderBy: tableOrderBy(query, SORTABLE, { id: "updatedAt", desc: true }), ...pageWindow(query) }),
    options.db.job.count({ where }),
  );
}
