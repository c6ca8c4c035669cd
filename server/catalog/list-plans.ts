import type { DbOrTx } from "~/server/db/client";
import { type PageWindow, pageWindow } from "~/server/db/table-query";
import { planWithCharges } from "./plan-input";

export async function listPlans(options: { db: DbOrTx; page: PageWindow }) {
  const [plans, totalCount] = await Promise.all([
    options.db.plan.findMany({ include: planWithCharges, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageWindow(options.page) }),
    options.db.plan.count(),
  ]);
  return { plans, totalCount };
}
