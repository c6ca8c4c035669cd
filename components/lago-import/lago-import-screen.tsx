"use client";

import { toast } from "sonner";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { type FormEvent, useState } from "react";
import { Button } from "~/components/button";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { StatusBadge } from "~/components/status-badge";
import { useTableQuery } from "~/components/use-table-query";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import type { ImportIssue } from "~/server/lago-import/import-issue";
import { type ImportProgress, LAGO_RESOURCES } from "~/server/lago-import/import-progress";
import type { searchLagoImportRuns } from "~/server/lago-import/search-lago-import-runs";

type ImportRow = Awaited<ReturnType<typeof searchLagoImportRuns>>["rows"][number];
const column = createColumnHelper<ImportRow>();
const INPUT = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

function ProgressCell({ progress }: { progress: ImportProgress }) {
  return (
    <ul className="text-xs">
      {LAGO_RESOURCES.map((resource) => {
        const step = progress[resource];
        return <li key={resource}>{resource}: {step ? `${step.imported}/${step.totalCount ?? "?"}${step.done ? " ✓" : ""}` : "—"}</li>;
      })}
    </ul>
  );
}

function ReportCell({ report }: { report: ImportIssue[] }) {
  if (!report.length) return <span className="text-slate-500">none</span>;
  return (
    <details>
      <summary className="cursor-pointer text-amber-800">{report.length} unsupported</summary>
      <ul className="mt-1 max-w-md text-xs">
        {report.map((issue) => <li key={`${issue.resource}|${issue.id}|${issue.feature}`}><b>{issue.resource}/{issue.id}</b> {issue.feature}: {issue.detail} → {issue.action}</li>)}
      </ul>
    </details>
  );
}

/** Starts (or resumes) a Lago import and lists imports with progress and their unsupported-feature report. */
export function LagoImportScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const table = useTableQuery({ pageSize: 5 });
  const imports = useQuery(trpc.lagoImport.listRuns.queryOptions(table.query, {
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.rows.some((run) => run.status === "queued" || run.status === "running") ? 2000 : false),
  }));
  const [form, setForm] = useState({ serviceCode: "", baseUrl: "", apiKey: "" });
  const start = useMutation(trpc.lagoImport.start.mutationOptions({
    onSuccess: ({ resumed }) => {
      toast.success(resumed ? "Import resumed" : "Import started");
      setForm((current) => ({ ...current, apiKey: "" }));
      void refreshAfterWrite(queryClient, trpc.lagoImport.listRuns.queryKey());
    },
  }));
  const submit = (event: FormEvent) => { event.preventDefault(); start.mutate(form); };
  const columns: ColumnDef<ImportRow, any>[] = [
    column.accessor("createdAt", { header: "Started", cell: (info) => info.getValue().toLocaleString() }),
    column.accessor("serviceCode", { header: "Service" }),
    column.accessor("baseUrl", { header: "Lago" }),
    column.accessor("scope", { header: "Scope", cell: (info) => (info.getValue() === "delta" ? <span title="Queued hourly by the migration-sync schedule: customers, subscriptions and new or changed invoices">delta (scheduled)</span> : "full") }),
    column.accessor("status", { header: "Status", cell: (info) => <span title={info.row.original.error ?? undefined}><StatusBadge status={info.getValue()} />{info.row.original.error && <span className="block max-w-xs text-xs text-red-800">{info.row.original.error.slice(0, 120)}</span>}</span> }),
    column.accessor("progress", { header: "Rows imported", cell: (info) => <ProgressCell progress={info.getValue() as ImportProgress} /> }),
    column.accessor("report", { header: "Report", cell: (info) => <ReportCell report={info.getValue() as unknown as ImportIssue[]} /> }),
  ];
  return (
    <section className="space-y-3">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Import from Lago">
        <label className="flex flex-col text-sm">Service code<input required value={form.serviceCode} onChange={(e) => setForm({ ...form, serviceCode: e.target.value })} className={INPUT} /></label>
        <label className="flex flex-col text-sm">Lago API URL<input required type="url" placeholder="https://api.getlago.com" value={form.baseUrl} onChange={(e) => setForm({ ...form, baseUrl: e.target.value })} className={`${INPUT} w-72`} /></label>
        <label className="flex flex-col text-sm">API key<input required type="password" autoComplete="off" value={form.apiKey} onChange={(e) => setForm({ ...form, apiKey: e.target.value })} className={INPUT} /></label>
        <Button type="submit" busy={start.isPending}>Import / resume</Button>
      </form>
      <DataTable label="Lago imports" columns={columns} data={imports.data} isLoading={imports.isFetching} state={table} getRowId={(row) => row.id} empty={<EmptyState title="No import yet" />} />
    </section>
  );
}
