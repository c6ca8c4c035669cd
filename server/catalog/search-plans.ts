import type { Prisma } from "~/generated/prisma/client";
import { PlanInterval } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, oneOf, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";
import { type PlanWithCharges, planWithCharges } from "./plan-input";

const SORTABLE = ["code", "name", "interval", "amountCents", "createdAt"] as const;

const planRowInclude = { ...planWithCharges, ownerService: { select: { code: true } } } satisfies Prisma.PlanInclude;
/** A plan of the console's table: its charges (to open it for editing) and its owner service, if any. */
export type PlanRow = PlanWithCharges & Prisma.PlanGetPayload<{ include: typeof planRowInclude }>;

/** The console's plan table, charges included so a row can be opened for editing. */
export async function searchPlans(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<PlanRow>> {
  const { query } = options;
  const where = tableWhere<Prisma.PlanWhereInput>(query, { search: ["code", "name"], filters: { interval: oneOf(PlanInterval, (interval) => ({ interval })) } });
  return readTablePage(
    options.db.plan.findMany({ where, include: planRowInclude, ...tableWindow(query, SORTABLE, { id: "code", desc: false }) }),
    options.db.plan.count({ where }),
  );
}
