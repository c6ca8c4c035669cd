"use client";

import { toast } from "sonner";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import type { DeliveryRow } from "~/server/webhooks/search-webhook-deliveries";
import { DeliveryState } from "~/generated/prisma/enums";
import { Button } from "../button";
import { CustomerLink } from "../customer-link";
import { StatusBadge } from "../status-badge";
import { statusOptions } from "../status-labels";
import { useUrlState } from "../url-params";
import { useConfirm } from "../confirm-dialog";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { useTableQuery } from "../use-table-query";
import { LagoForwardsPanel } from "./lago-forwards-panel";
import { WebhookDeliveryPanel } from "./webhook-delivery-panel";

const column = createColumnHelper<DeliveryRow>();

/**
 * The webhook outbox: ops inspects a delivery's attempts and replays one delivery, or
 * every dead one of a service once its endpoint is fixed (sent again at the next drain).
 */
export function WebhooksScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const table = useTableQuery({ sorting: [{ id: "createdAt", desc: true }] });
  const deliveries = useQuery(trpc.webhooks.list.queryOptions(table.query, { placeholderData: keepPreviousData }));
  const serviceCodes = useQuery(trpc.webhooks.serviceCodes.queryOptions());
  const [shownDelivery, setShownDelivery] = useUrlState("delivery");
  const refresh = () => void refreshAfterWrite(queryClient, trpc.webhooks.pathKey());
  const replay = useMutation(trpc.webhooks.replay.mutationOptions({
    onSuccess: () => { toast.success("Delivery queued for replay"); refresh(); },
  }));
  const replayDead = useMutation(trpc.webhooks.replayDead.mutationOptions({
    onSuccess: ({ count }, { serviceCode }) => {
      toast.success(count === 0 ? `No dead deliveries for ${serviceCode}` : `${count} dead ${count === 1 ? "delivery" : "deliveries"} of ${serviceCode} queued for replay`);
      refresh();
    },
  }));
  const filteredService = table.columnFilters.find((filter) => filter.id === "service")?.value as string | undefined;

  async function replayAllDead(serviceCode: string) {
    const ok = await confirm({ title: `Replay every dead delivery of ${serviceCode}?`, body: "Each is sent again at the next drain, in its customer's order, with a fresh retry window.", confirmLabel: "Replay dead" });
    if (ok) replayDead.mutate({ serviceCode });
  }

  const columns: ColumnDef<DeliveryRow, any>[] = [
    column.accessor((delivery) => delivery.service.code, { id: "service", header: "Service", meta: { filterOptions: (serviceCodes.data ?? []).map((code) => ({ value: code, label: code })) } }),
    column.accessor((delivery) => delivery.customer?.externalId ?? null, {
      id: "customer", header: "Customer",
      cell: ({ row: { original: delivery } }) => (delivery.customer ? <CustomerLink id={delivery.customer.billingCustomerId}>{delivery.customer.externalId}</CustomerLink> : "—"),
    }),
    column.accessor("webhookType", { header: "Type", enableSorting: true }),
    column.accessor("state", { header: "State", enableSorting: true, meta: { filterOptions: statusOptions(Object.values(DeliveryState)) }, cell: (info) => <StatusBadge status={info.getValue()} /> }),
    column.accessor("attempts", { header: "Attempts", enableSorting: true }),
    column.accessor("createdAt", { header: "Created", enableSorting: true, cell: (info) => info.getValue().toLocaleString() }),
    column.accessor("lastError", { header: "Last error", cell: (info) => <span className="text-red-800">{info.getValue()}</span> }),
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
        <div className="flex flex-wrap gap-1">
          <Button variant="ghost" onClick={() => setShownDelivery(delivery.id)}>Attempts</Button>
          <Button variant="ghost" busy={replay.isPending && replay.variables?.id === delivery.id} onClick={async () => {
            if (await confirm({ title: "Replay this webhook?", body: `${delivery.webhookType} will be sent to ${delivery.service.code} again.`, confirmLabel: "Replay" })) replay.mutate({ id: delivery.id });
          }}>Replay</Button>
        </div>
      ),
    }),
  ];
  return (
    <div className="space-y-6">
      <DataTable label="Webhook deliveries" columns={columns} data={deliveries.data} isLoading={deliveries.isFetching} state={table} getRowId={(d) => d.id}
        searchPlaceholder="Search type or error" empty={<EmptyState title="No webhook deliveries">Lifecycle webhooks to services appear here.</EmptyState>}
        toolbar={filteredService && (
          <Button variant="secondary" busy={replayDead.isPending} onClick={() => replayAllDead(filteredService)}>Replay dead of {filteredService}</Button>
        )} />
      {shownDelivery && <WebhookDeliveryPanel key={shownDelivery} deliveryId={shownDelivery} />}
      <LagoForwardsPanel />
    </div>
  );
}
