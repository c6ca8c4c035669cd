"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { JobState } from "~/generated/prisma/enums";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import type { JobRow } from "~/server/jobs/search-jobs";
import { Button } from "../button";
import { useConfirm } from "../confirm-dialog";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { useToast } from "../toast";
import { useTableQuery } from "../use-table-query";

const column = createColumnHelper<JobRow>();
const STATES = Object.values(JobState).map((value) => ({ value, label: value }));

/** The Odoo push queue: ops retries failed or dead jobs (the worker picks them up at once). */
export function JobsScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const confirm = useConfirm();
  const table = useTableQuery({ sorting: [{ id: "updatedAt", desc: true }] });
  const jobs = useQuery(trpc.jobs.list.queryOptions(table.query, { placeholderData: keepPreviousData }));
  const retry = useMutation(trpc.jobs.retry.mutationOptions({
    onSuccess: () => { toast.success("Job queued for retry"); void refreshAfterWrite(queryClient, trpc.jobs.list.queryKey()); },
  }));

  const columns: ColumnDef<JobRow, any>[] = [
    column.accessor((job) => job.subscription.externalId, { id: "subscription", header: "Subscription" }),
    column.accessor("metricCode", { header: "Metric" }),
    column.accessor("periodStart", { header: "Period", enableSorting: true, cell: ({ row: { original: job } }) => `${job.periodStart.toISOString().slice(0, 10)} → ${job.periodEnd.toISOString().slice(0, 10)}` }),
    column.accessor("state", { header: "State", enableSorting: true, meta: { filterOptions: STATES } }),
    column.accessor("attempts", { header: "Attempts", enableSorting: true }),
    column.accessor("nextRunAt", { header: "Next run", enableSorting: true, cell: (info) => info.getValue().toLocaleString() }),
    column.accessor("lastError", { header: "Last error", cell: (info) => <span className="line-clamp-2 max-w-xs text-red-800">{info.getValue()}</span> }),
    column.display({
      id: "actions", header: "Actions", enableHiding: false,
      cell: ({ row: { original: job } }) => (job.state === "failed" || job.state === "dead") && (
        <Button variant="ghost" busy={retry.isPending && retry.variables?.id === job.id} onClick={async () => {
          if (await confirm({ title: "Retry this job?", body: `It will push ${job.metricCode} usage to Odoo again now.`, confirmLabel: "Retry" })) retry.mutate({ id: job.id });
        }}>Retry</Button>
      ),
    }),
  ];
  return (
    <DataTable label="Jobs" columns={columns} data={jobs.data} isLoading={jobs.isFetching} state={table} getRowId={(job) => job.id}
      searchPlaceholder="Search metric or error" empty={<EmptyState title="No jobs">Usage pushes to Odoo appear here once scheduled.</EmptyState>} />
  );
}
