import type { DbOrTx } from "~/server/db/client";
import { type PageWindow, pageWindow } from "~/server/db/table-query";
import { visibleTo } from "./catalog-writer";
import { planWithCharges } from "./plan-input";

/** `serviceId`: list as that service's key (its own and shared plans only). */
export async function listPlans(options: { db: DbOrTx; page: PageWindow; serviceId?: string }) {
  const where = visibleTo(options.serviceId);
  const [plans, totalCount] = await Promise.all([
    options.db.plan.findMany({ where, include: planWithCharges, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageWindow(options.page) }),
    options.db.plan.count({ where }),
  ]);
  return { plans, totalCount };
}
