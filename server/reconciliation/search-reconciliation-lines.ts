import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, readTablePage, tableWindow } from "~/server/db/table-query";
import { getReconciliationRun } from "./get-reconciliation-run";
import { lineColumns, lineFilter, type LineRow } from "./line-query";

const SORTABLE = ["customerKey", "chargeKey", "status", "serviceCode", "amountDiffCents"] as const;

/** A diff line and the billing customer its (service, customer) resolves to, when the hub knows the account. */
export type LineWithCustomer = LineRow & { billingCustomerId: string | null };

/** One run's diff lines, filtered (status, service, customer), sorted and paged on the server. */
export async function searchReconciliationLines(options: { db: DbOrTx; runId: string; query: TableQuery }): Promise<TablePage<LineWithCustomer>> {
  const where = lineFilter(options.runId, options.query);
  await getReconciliationRun({ db: options.db, id: options.runId });
  const page = await readTablePage(
    options.db.reconciliationLine.findMany({ where, select: lineColumns, ...tableWindow(options.query, SORTABLE, { id: "customerKey", desc: false }) }),
    options.db.reconciliationLine.count({ where }),
  );
  const pairs = [...new Map(page.rows.filter((row) => row.serviceCode).map((row) => [`${row.serviceCode}|${row.customerKey}`, row])).values()];
  const accounts = pairs.length
    ? await options.db.accountLink.findMany({
        where: { OR: pairs.map((row) => ({ externalId: row.customerKey, service: { code: row.serviceCode } })) },
        select: { externalId: true, billingCustomerId: true, service: { select: { code: true } } },
      })
    : [];
  const byKey = new Map(accounts.map((account) => [`${account.service.code}|${account.externalId}`, account.billingCustomerId]));
  return { ...page, rows: page.rows.map((row) => ({ ...row, billingCustomerId: byKey.get(`${row.serviceCode}|${row.customerKey}`) ?? null })) };
}
