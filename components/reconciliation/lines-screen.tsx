"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { useTableQuery } from "~/components/use-table-query";
import { useTRPC } from "~/lib/trpc/react";
import { formatMinorUnits } from "~/server/billing/pricing/currency";
import { LINE_STATUSES } from "~/server/reconciliation/line-status";
import type { LineRow } from "~/server/reconciliation/line-query";

const column = createColumnHelper<LineRow>();
const money = (cents: bigint | null, currency: string | null) => (cents === null ? <span className="text-slate-500">—</span> : currency ? formatMinorUnits(cents, currency) : cents.toString());
const STATUS_TONE: Record<string, string> = { match: "text-emerald-700", amount_mismatch: "text-red-700", units_mismatch: "text-red-700", missing_in_lago: "text-amber-700", missing_in_odoo: "text-amber-700" };

/** One run's diff table: server-side filters (status, service, customer search), sort, paging, CSV export. */
export function LinesScreen({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const table = useTableQuery({ pageSize: 20, sorting: [{ id: "customerKey", desc: false }] });
  const run = useQuery(trpc.reconciliation.run.queryOptions({ id: runId }));
  const services = useQuery(trpc.reconciliation.serviceCodes.queryOptions({ runId }));
  const lines = useQuery(trpc.reconciliation.lines.queryOptions({ runId, query: table.query }, { placeholderData: keepPreviousData }));
  const columns: ColumnDef<LineRow, any>[] = [
    column.accessor("serviceCode", { header: "Service", enableSorting: true, meta: { filterOptions: (services.data ?? []).map((code) => ({ value: code, label: code || "(unmatched)" })) } }),
    column.accessor("customerKey", { header: "Customer", enableSorting: true, enableHiding: false, cell: (info) => <Link className="text-indigo-700 underline" href={`/reconciliation/lines/${info.row.original.id}`}>{info.getValue()}</Link> }),
    column.accessor("chargeKey", { header: "Charge", enableSorting: true }),
    column.accessor("status", { header: "Status", enableSorting: true, meta: { filterOptions: LINE_STATUSES.map((value) => ({ value, label: value })) }, cell: (info) => <span className={STATUS_TONE[info.getValue()]}>{info.getValue()}</span> }),
    column.accessor("lagoUnits", { header: "Lago units", cell: (info) => info.getValue() ?? "—" }),
    column.accessor("hubUnits", { header: "Hub units", cell: (info) => info.getValue() ?? "—" }),
    column.accessor("lagoAmountCents", { header: "Lago", cell: (info) => money(info.getValue(), info.row.original.currency) }),
    column.accessor("odooAmountCents", { header: "Odoo", cell: (info) => money(info.getValue(), info.row.original.currency) }),
    column.accessor("hubAmountCents", { header: "Hub", cell: (info) => money(info.getValue(), info.row.original.currency) }),
    column.accessor("amountDiffCents", { header: "Lago − Odoo", enableSorting: true, cell: (info) => money(info.getValue(), info.row.original.currency) }),
  ];
  const exportParams = new URLSearchParams([...table.query.filters!.map((f) => [f.id, f.value] as [string, string]), ["search", table.query.search ?? ""]]);
  const header = run.data ? `${run.data.periodStart.toISOString().slice(0, 10)} → ${run.data.periodEnd.toISOString().slice(0, 10)} · tolerance ${run.data.toleranceCents} · ${run.data.status}` : "";
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600"><Link className="text-indigo-700 underline" href="/reconciliation">All runs</Link> · {header}</p>
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
