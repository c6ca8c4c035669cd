"use client";

import { toast } from "sonner";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { JobKind, JobState } from "~/generated/prisma/enums";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import type { JobRow } from "~/server/jobs/search-jobs";
import { Button } from "../button";
import { useConfirm } from "../confirm-dialog";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { useTableQuery } from "../use-table-query";

const column = createColumnHelper<JobRow>();
const STATES = Object.values(JobState).map((value) => ({ value, label: value }));
const KINDS = Object.values(JobKind).map((value) => ({ value, label: value }));
const day = (instant: Date) => instant.toISOString().slice(0, 10);
const runIdOf = (job: JobRow) => (job.payload as { runId?: string } | null)?.runId ?? "";

/** What a job works on: a usage push's subscription, or the run a queued job executes. */
function JobSubject({ job }: { job: JobRow }) {
  if (job.kind === "reconciliation") return <Link className="text-indigo-700 underline" href={`/reconciliation/${runIdOf(job)}`}>run {runIdOf(job).slice(0, 8)}</Link>;
  if (job.kind === "lago_import") return <Link className="text-indigo-700 underline" href="/lago-import">import {runIdOf(job).slice(0, 8)}</Link>;
  return <>{job.subscription?.externalId}</>;
}

const RETRY_EFFECT: Record<JobKind, (job: JobRow) => string> = {
  usage_push: (job) => `It will push ${job.metricCode} usage to Odoo again now.`,
  reconciliation: () => "The reconciliation run will be executed again now.",
  lago_import: () => "The Lago import will resume now, if its API key is still held.",
};

/** The job table, every kind: ops reads errors and retries failed or dead jobs (the next worker pass takes them). */
export function JobsScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const table = useTableQuery({ sorting: [{ id: "updatedAt", desc: true }] });
  const jobs = useQuery(trpc.jobs.list.queryOptions(table.query, { placeholderData: keepPreviousData }));
  const retry = useMutation(trpc.jobs.retry.mutationOptions({
    onSuccess: () => { toast.success("Job queued for retry"); void refreshAfterWrite(queryClient, trpc.jobs.list.queryKey()); },
  }));

  const columns: ColumnDef<JobRow, any>[] = [
    column.accessor("kind", { header: "Kind", enableSorting: true, meta: { filterOptions: KINDS } }),
    column.display({ id: "subject", header: "Subscription or run", cell: ({ row: { original: job } }) => <JobSubject job={job} /> }),
    column.accessor("metricCode", { header: "Metric", cell: (info) => info.getValue() ?? "—" }),
    column.accessor("periodStart", { header: "Period", enableSorting: true, cell: ({ row: { original: job } }) => (job.periodStart && job.periodEnd ? `${day(job.periodStart)} → ${day(job.periodEnd)}` : "—") }),
    column.accessor("state", { header: "State", enableSorting: true, meta: { filterOptions: STATES } }),
    column.accessor("attempts", { header: "Attempts", enableSorting: true }),
    column.accessor("nextRunAt", { header: "Next run", enableSorting: true, cell: (info) => info.getValue().toLocaleString() }),
    column.accessor("lastError", { header: "Last error", cell: (info) => <span className="line-clamp-2 max-w-xs text-red-800">{info.getValue()}</span> }),
    column.display({
      id: "actions", header: "Actions", enableHiding: false,
      cell: ({ row: { original: job } }) => (job.state === "failed" || job.state === "dead") && (
        <Button variant="ghost" busy={retry.isPending && retry.variables?.id === job.id} onClick={async () => {
          if (await confirm({ title: "Retry this job?", body: RETRY_EFFECT[job.kind](job), confirmLabel: "Retry" })) retry.mutate({ id: job.id });
        }}>Retry</Button>
      ),
    }),
  ];
  return (
    <DataTable label="Jobs" columns={columns} data={jobs.data} isLoading={jobs.isFetching} state={table} getRowId={(job) => job.id}
      searchPlaceholder="Search metric or error" empty={<EmptyState title="No jobs">Usage pushes to Odoo, reconciliations and Lago imports appear here once queued.</EmptyState>} />
  );
}
