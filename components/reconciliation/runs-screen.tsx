"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ReconciliationRun } from "~/generated/prisma/browser";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { StatusBadge } from "~/components/status-badge";
import { statusOptions } from "~/components/status-labels";
import { useTableQuery } from "~/components/use-table-query";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import { StartRunForm } from "./start-run-form";
import { TrendChart } from "./trend-chart";

const column = createColumnHelper<ReconciliationRun>();
const day = (instant: Date) => instant.toISOString().slice(0, 10);
const count = (value: number, tone: string) => <span className={value ? tone : "text-slate-500"}>{value}</span>;

const columns: ColumnDef<ReconciliationRun, any>[] = [
  column.accessor("createdAt", { header: "Started", enableSorting: true, cell: (info) => <Link className="text-indigo-700 underline" href={`/reconciliation/${info.row.original.id}`}>{info.getValue().toLocaleString()}</Link> }),
  column.accessor("periodStart", { header: "Period", enableSorting: true, cell: (info) => `${day(info.getValue())} → ${day(info.row.original.periodEnd)}` }),
  column.accessor("status", {
    header: "Status",
    meta: { filterOptions: statusOptions(["running", "succeeded", "failed"]) },
    cell: (info) => (
      <span title={info.row.original.error ?? undefined}>
        <StatusBadge status={info.getValue()} />
        {info.row.original.progress && <span className="block text-xs text-slate-600">{info.row.original.progress}</span>}
        {info.row.original.error && <span className="block max-w-xs text-xs text-red-800">{info.row.original.error.slice(0, 120)}</span>}
      </span>
    ),
  }),
  column.accessor("toleranceCents", { header: "Tolerance", cell: (info) => `±${info.getValue()} minor units` }),
  column.accessor("lineCount", { header: "Lines", enableSorting: true }),
  column.accessor("matchCount", { header: "Match", cell: (info) => count(info.getValue(), "text-emerald-700") }),
  column.accessor("amountMismatchCount", { header: "Amount ≠", cell: (info) => count(info.getValue(), "text-red-700") }),
  column.accessor("unitsMismatchCount", { header: "Units ≠", cell: (info) => count(info.getValue(), "text-red-700") }),
  column.accessor("missingInLagoCount", { header: "Not in Lago", cell: (info) => count(info.getValue(), "text-amber-700") }),
  column.accessor("missingInOdooCount", { header: "Not in Odoo", cell: (info) => count(info.getValue(), "text-amber-700") }),
];

/** Runs with totals (polling while one runs) and the mismatch trend. */
export function RunsScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const table = useTableQuery({ sorting: [{ id: "createdAt", desc: true }] });
  const runs = useQuery(trpc.reconciliation.listRuns.queryOptions(table.query, {
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.rows.some((run) => run.status === "running") ? 2000 : false),
  }));
  const trend = useQuery(trpc.reconciliation.trend.queryOptions());
  const refresh = () => {
    void refreshAfterWrite(queryClient, trpc.reconciliation.listRuns.queryKey());
    void refreshAfterWrite(queryClient, trpc.reconciliation.trend.queryKey());
  };
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Runs</h2>
        <StartRunForm onStarted={refresh} />
        <DataTable label="Reconciliation runs" columns={columns} data={runs.data} isLoading={runs.isFetching} state={table} getRowId={(row) => row.id} empty={<EmptyState title="No reconciliation run yet" />} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Trend</h2>
        <TrendChart points={trend.data ?? []} />
      </section>
    </div>
  );
}
