import type { Prisma } from "~/generated/prisma/client";
import { JobKind, JobState } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, oneOf, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";

// A job's sealed secret never leaves the table, not even sealed.
const jobRowQuery = {
  include: { subscription: { select: { externalId: true, accountLink: { select: { externalId: true, billingCustomerId: true } } } } },
  omit: { secret: true },
} satisfies Prisma.JobDefaultArgs;
export type JobRow = Prisma.JobGetPayload<typeof jobRowQuery>;

const SORTABLE = ["kind", "state", "attempts", "nextRunAt", "periodStart", "updatedAt"] as const;

/** The jobs a table query selects (its filters and search, not its page): the list and the bulk retry share it. */
export function jobFilter(query: TableQuery): Prisma.JobWhereInput {
  return tableWhere<Prisma.JobWhereInput>(query, {
    search: ["metricCode", "lastError"],
    filters: { kind: oneOf(JobKind, (kind) => ({ kind })), state: oneOf(JobState, (state) => ({ state })) },
  });
}

/** The job table as the ops screen shows it, every kind. */
export async function searchJobs(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<JobRow>> {
  const { query } = options;
  const where = jobFilter(query);
  return readTablePage(
    options.db.job.findMany({ where, ...jobRowQuery, ...tableWindow(query, SORTABLE, { id: "updatedAt", desc: true }) }),
    options.db.job.count({ where }),
  );
}
