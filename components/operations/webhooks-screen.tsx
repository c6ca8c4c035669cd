"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useTRPC } from "~/lib/trpc/react";
import type { DeliveryRow } from "~/server/operations/list-webhook-deliveries";
import { Button } from "../button";
import { useConfirm } from "../confirm-dialog";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { useToast } from "../toast";
import { useTableQuery } from "../use-table-query";

const column = createColumnHelper<DeliveryRow>();
const STATES = ["pending", "delivered", "dead"].map((value) => ({ value, label: value }));

/** The webhook outbox: ops replays a delivery (sent again at the next drain). */
export function WebhooksScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const confirm = useConfirm();
  const table = useTableQuery({ sorting: [{ id: "createdAt", desc: true }] });
  const deliveries = useQuery(trpc.webhookDeliveries.list.queryOptions(table.query, { placeholderData: keepPreviousData }));
  const replay = useMutation(trpc.webhookDeliveries.replay.mutationOptions({
    onSuccess: () => { toast.success("Delivery queued for replay"); void queryClient.invalidateQueries({ queryKey: trpc.webhookDeliveries.list.queryKey() }); },
  }));

  const columns: ColumnDef<DeliveryRow, any>[] = [
    column.accessor((delivery) => delivery.service.code, { id: "service", header: "Service" }),
    column.accessor("webhookType", { header: "Type", enableSorting: true }),
    column.accessor("state", { header: "State", enableSorting: true, meta: { filterOptions: STATES } }),
    column.accessor("attempts", { header: "Attempts", enableSorting: true }),
    column.accessor("createdAt", { header: "Created", enableSorting: true, cell: (info) => info.getValue().toLocaleString() }),
    column.accessor("lastError", { header: "Last error", cell: ({ row: { original: d } }) => <span className="text-red-800">{d.lastStatus ? `HTTP ${d.lastStatus} ` : ""}{d.lastError}</span> }),
    column.accessor("payload", {
      header: "Payload",
      cell: (info) => (
        <details>
          <summary className="cursor-pointer text-indigo-700">show</summary>
          <pre className="mt-1 max-h-48 max-w-md overflow-auto rounded bg-slate-100 p-2 text-xs">{JSON.stringify(info.getValue(), null, 2)}</pre>
        </details>
      ),
    }),
    column.display({
      id: "actions", header: "Actions", enableHiding: false,
      cell: ({ row: { original: delivery } }) => (
        <Button variant="ghost" busy={replay.isPending && replay.variables?.id === delivery.id} onClick={async () => {
          if (await confirm({ title: "Replay this webhook?", body: `${delivery.webhookType} will be sent to ${delivery.service.code} again.`, confirmLabel: "Replay" })) replay.mutate({ id: delivery.id });
        }}>Replay</Button>
      ),
    }),
  ];
  return (
    <DataTable label="Webhook deliveries" columns={columns} data={deliveries.data} isLoading={deliveries.isFetching} state={table} getRowId={(d) => d.id}
      searchPlaceholder="Search type or error" empty={<EmptyState title="No webhook deliveries">Lifecycle webhooks to services appear here.</EmptyState>} />
  );
}
