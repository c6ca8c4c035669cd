"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { toast } from "sonner";
import { JobKind, JobState } from "~/generated/prisma/enums";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import { isRetryableJob } from "~/server/jobs/job-policy";
import type { JobRow } from "~/server/jobs/search-jobs";
import { Button } from "../button";
import { useConfirm } from "../confirm-dialog";
import { CustomerLink } from "../customer-link";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { StatusBadge } from "../status-badge";
import { statusOptions } from "../status-labels";
import { useTableQuery } from "../use-table-query";
import { SchedulesPanel } from "./schedules-panel";

const column = createColumnHelper<JobRow>();
/** Job kinds as words (the status page shows them too). */
export const KIND_LABELS: Record<JobKind, string> = { usage_push: "Usage push", reconciliation: "Reconciliation", lago_import: "Lago import" };
const KINDS = Object.values(JobKind).map((value) => ({ value, label: KIND_LABELS[value] }));
const day = (instant: Date) => instant.toISOString().slice(0, 10);
const runIdOf = (job: JobRow) => (job.payload as { runId?: string } | null)?.runId ?? "";
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** What a job works on: a usage push's subscription (and its customer), or the run a queued job executes. */
function JobSubject({ job }: { job: JobRow }) {
  if (job.kind === "reconciliation") return <Link className="text-indigo-700 underline" href={`/reconciliation/${runIdOf(job)}`}>run {runIdOf(job).slice(0, 8)}</Link>;
  if (job.kind === "lago_import") return <Link className="text-indigo-700 underline" href="/lago-import">import {runIdOf(job).slice(0, 8)}</Link>;
  if (!job.subscription) return <>—</>;
  return (
    <>
      {job.subscription.externalId}
      <span className="block text-xs">customer <CustomerLink id={job.subscription.accountLink.billingCustomerId}>{job.subscription.accountLink.externalId}</CustomerLink></span>
    </>
  );
}

const RETRY_EFFECT: Record<JobKind, (job: JobRow) => string> = {
  usage_push: (job) => `It will push ${job.metricCode} usage to Odoo again now.`,
  reconciliation: () => "The reconciliation run will be executed again now.",
  lago_import: () => "The Lago import will resume now, if its API key is still held.",
};

/**
 * The job table, every kind: ops reads errors and retries one failed or dead job, or
 * every one the filter selects (on the server, beyond the page shown), and sees the
 * schedules behind the queue.
 */
export function JobsScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const table = useTableQuery({ sorting: [{ id: "updatedAt", desc: true }] });
  const jobs = useQuery(trpc.jobs.list.queryOptions(table.query, { placeholderData: keepPreviousData }));
  const refresh = () => refreshAfterWrite(queryClient, trpc.jobs.pathKey());
  const retry = useMutation(trpc.jobs.retry.mutationOptions({ onSuccess: () => { toast.success("Job queued for retry"); void refresh(); } }));
  const retryFiltered = useMutation(trpc.jobs.retryFiltered.mutationOptions({
    onSuccess: ({ count }) => { toast.success(`${plural(count, "job")} queued for retry`); void refresh(); },
  }));

  async function retryAll() {
    const filter = { ...table.query, page: 0 };
    const count = await queryClient.fetchQuery({ ...trpc.jobs.retryableCount.queryOptions(filter), staleTime: 0 });
    if (count === 0) {
      toast.info("No failed or dead job matches this filter.");
      return;
    }
    const ok = await confirm({
      title: `Retry ${plural(count, "failed or dead job")}?`,
      body: <>Every failed or dead job matching the current filter and search is queued again now{(jobs.data?.totalCount ?? 0) > (jobs.data?.rows.length ?? 0) ? ", including those on other pages" : ""}. Each retry is audited.</>,
      confirmLabel: `Retry ${plural(count, "job")}`,
    });
    if (ok) retryFiltered.mutate(filter);
  }

  const columns: ColumnDef<JobRow, any>[] = [
    column.accessor("kind", { header: "Kind", enableSorting: true, meta: { filterOptions: KINDS }, cell: (info) => KIND_LABELS[info.getValue() as JobKind] }),
    column.display({ id: "subject", header: "Subscription or run", cell: ({ row: { original: job } }) => <JobSubject job={job} /> }),
    column.accessor("metricCode", { header: "Metric", cell: (info) => info.getValue() ?? "—" }),
    column.accessor("periodStart", { header: "Period", enableSorting: true, cell: ({ row: { original: job } }) => (job.periodStart && job.periodEnd ? `${day(job.periodStart)} → ${day(job.periodEnd)}` : "—") }),
    column.accessor("state", { header: "State", enableSorting: true, meta: { filterOptions: statusOptions(Object.values(JobState)) }, cell: (info) => <StatusBadge status={info.getValue()} /> }),
    column.accessor("attempts", { header: "Attempts", enableSorting: true }),
    column.accessor("nextRunAt", { header: "Next run", enableSorting: true, cell: (info) => info.getValue().toLocaleString() }),
    column.accessor("lastError", { header: "Last error", cell: (info) => <span className="line-clamp-2 max-w-xs text-red-800">{info.getValue()}</span> }),
    column.display({
      id: "actions", header: "Actions", enableHiding: false,
      cell: ({ row: { original: job } }) => isRetryableJob(job.state) && (
        <Button variant="ghost" busy={retry.isPending && retry.variables?.id === job.id} onClick={async () => {
          if (await confirm({ title: "Retry this job?", body: RETRY_EFFECT[job.kind](job), confirmLabel: "Retry" })) retry.mutate({ id: job.id });
        }}>Retry</Button>
      ),
    }),
  ];
  return (
    <div className="space-y-6">
      <SchedulesPanel />
      <DataTable label="Jobs" columns={columns} data={jobs.data} isLoading={jobs.isFetching} state={table} getRowId={(job) => job.id}
        searchPlaceholder="Search metric or error" empty={<EmptyState title="No jobs">Usage pushes to Odoo, reconciliations and Lago imports appear here once queued.</EmptyState>}
        toolbar={<Button variant="secondary" busy={retryFiltered.isPending} onClick={retryAll}>Retry all failed in filter</Button>} />
    </div>
  );
}
