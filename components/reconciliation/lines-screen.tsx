"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { CustomerLink } from "~/components/customer-link";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { Money } from "~/components/money";
import { StatusBadge } from "~/components/status-badge";
import { statusOptions } from "~/components/status-labels";
import { useTableQuery } from "~/components/use-table-query";
import { useTRPC } from "~/lib/trpc/react";
import { LINE_STATUSES } from "~/server/reconciliation/line-status";
import type { LineWithCustomer } from "~/server/reconciliation/search-reconciliation-lines";
import type { CurrencyTotals } from "~/server/reconciliation/sum-reconciliation-lines";

const column = createColumnHelper<LineWithCustomer>();
const day = (instant: Date) => instant.toISOString().slice(0, 10);

function Totals({ totals }: { totals: CurrencyTotals[] }) {
  if (!totals.length) return null;
  return (
    <section aria-label="Totals per currency" className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="mb-1 text-sm font-semibold">Totals of the lines shown, per currency</h2>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-600"><tr><th className="py-1 font-medium">Currency</th><th className="font-medium">Lines</th><th className="text-right font-medium">Lago</th><th className="text-right font-medium">Odoo</th><th className="text-right font-medium">Hub</th><th className="text-right font-medium">Lago − Odoo</th></tr></thead>
        <tbody>
          {totals.map((total) => (
            <tr key={total.currency ?? "none"} className="border-t border-slate-100">
              <td className="py-1">{total.currency ?? "none"}</td><td>{total.lines}</td>
              <td className="text-right"><Money cents={total.lagoAmountCents} currency={total.currency} /></td>
              <td className="text-right"><Money cents={total.odooAmountCents} currency={total.currency} /></td>
              <td className="text-right"><Money cents={total.hubAmountCents} currency={total.currency} /></td>
              <td className={`text-right font-medium ${total.amountDiffCents === 0n ? "" : "text-red-800"}`}><Money cents={total.amountDiffCents} currency={total.currency} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One run's diff table: server-side filters (status, service, customer search) kept in the URL, sort, paging, totals per currency, CSV export. */
export function LinesScreen({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const table = useTableQuery({ pageSize: 20, sorting: [{ id: "customerKey", desc: false }] });
  const run = useQuery(trpc.reconciliation.getRun.queryOptions({ id: runId }));
  const services = useQuery(trpc.reconciliation.serviceCodes.queryOptions({ runId }));
  const lines = useQuery(trpc.reconciliation.listLines.queryOptions({ runId, query: table.query }, { placeholderData: keepPreviousData }));
  const totals = useQuery(trpc.reconciliation.totals.queryOptions({ runId, query: { ...table.query, page: 0 } }, { placeholderData: keepPreviousData }));
  const columns: ColumnDef<LineWithCustomer, any>[] = [
    column.accessor("serviceCode", { header: "Service", enableSorting: true, meta: { filterOptions: (services.data ?? []).map((code) => ({ value: code, label: code || "(unmatched)" })) } }),
    column.accessor("customerKey", { header: "Customer", enableSorting: true, enableHiding: false, cell: (info) => <CustomerLink id={info.row.original.billingCustomerId}>{info.getValue()}</CustomerLink> }),
    column.accessor("chargeKey", { header: "Charge", enableSorting: true }),
    column.accessor("status", { header: "Status", enableSorting: true, meta: { filterOptions: statusOptions(LINE_STATUSES) }, cell: (info) => <StatusBadge status={info.getValue()} /> }),
    column.accessor("lagoUnits", { header: "Lago units", cell: (info) => info.getValue() ?? "—" }),
    column.accessor("hubUnits", { header: "Hub units", cell: (info) => info.getValue() ?? "—" }),
    column.accessor("lagoAmountCents", { header: "Lago", cell: (info) => <Money cents={info.getValue()} currency={info.row.original.currency} /> }),
    column.accessor("odooAmountCents", { header: "Odoo", cell: (info) => <Money cents={info.getValue()} currency={info.row.original.currency} /> }),
    column.accessor("hubAmountCents", { header: "Hub", cell: (info) => <Money cents={info.getValue()} currency={info.row.original.currency} /> }),
    column.accessor("amountDiffCents", { header: "Lago − Odoo", enableSorting: true, cell: (info) => <Money cents={info.getValue()} currency={info.row.original.currency} /> }),
    column.display({ id: "detail", header: "Detail", enableHiding: false, cell: ({ row }) => <Link className="text-indigo-700 underline" href={`/reconciliation/lines/${row.original.id}`}>Sides</Link> }),
  ];
  if (run.error) return <p role="alert">{run.error.data?.code === "NOT_FOUND" ? "No such reconciliation run." : run.error.message} <Link className="text-indigo-700 underline" href="/reconciliation">All runs</Link></p>;
  const exportParams = new URLSearchParams([...table.query.filters!.map((f) => [f.id, f.value] as [string, string]), ["search", table.query.search ?? ""]]);
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Link className="text-indigo-700 underline" href="/reconciliation">All runs</Link>
        {run.data && <>· Period {day(run.data.periodStart)} → {day(run.data.periodEnd)} (end exclusive) · tolerance {run.data.toleranceCents} minor units · <StatusBadge status={run.data.status} /></>}
      </p>
      <Totals totals={totals.data ?? []} />
      <DataTable
        label="Reconciliation lines"
        columns={columns}
        data={lines.data}
        isLoading={lines.isFetching}
        state={table}
        searchPlaceholder="Customer or charge…"
        getRowId={(row) => row.id}
        empty={<EmptyState title="No line matches these filters" />}
        toolbar={<a className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm" href={`/reconciliation/export/${runId}?${exportParams}`}>Export CSV</a>}
      />
    </div>
  );
}
