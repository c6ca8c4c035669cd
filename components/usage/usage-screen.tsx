"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { useTRPC } from "~/lib/trpc/react";
import type { SubscriptionRow } from "~/server/usage/search-subscriptions";
import { Button } from "../button";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { useTableQuery } from "../use-table-query";
import { SubscriptionUsage } from "./subscription-usage";

const column = createColumnHelper<SubscriptionRow>();
const STATUSES = ["pending", "active", "terminated", "canceled"].map((value) => ({ value, label: value }));

export function UsageScreen() {
  const trpc = useTRPC();
  const table = useTableQuery({ sorting: [{ id: "createdAt", desc: true }] });
  const subscriptions = useQuery(trpc.usage.listSubscriptions.queryOptions(table.query, { placeholderData: keepPreviousData }));
  const [selected, setSelected] = useState<string | null>(null);
  const columns: ColumnDef<SubscriptionRow, any>[] = [
    column.accessor("externalId", { header: "Subscription", enableSorting: true, enableHiding: false }),
    column.accessor((s) => s.service.code, { id: "service", header: "Service" }),
    column.accessor((s) => s.accountLink.externalId, { id: "customer", header: "Customer" }),
    column.accessor((s) => s.plan.code, { id: "plan", header: "Plan" }),
    column.accessor("status", { header: "Status", enableSorting: true, meta: { filterOptions: STATUSES } }),
    column.accessor("subscriptionAt", { header: "Since", enableSorting: true, cell: (info) => info.getValue().toISOString().slice(0, 10) }),
    column.display({ id: "actions", header: "Actions", enableHiding: false, cell: ({ row }) => <Button variant="ghost" onClick={() => setSelected(row.original.id)}>Explore</Button> }),
  ];
  return (
    <div className="space-y-6">
      <DataTable label="Subscriptions" columns={columns} data={subscriptions.data} isLoading={subscriptions.isFetching} state={table} getRowId={(s) => s.id}
        searchPlaceholder="Search subscription" empty={<EmptyState title="No subscriptions">Apps create subscriptions through the Lago API.</EmptyState>} />
      {selected && <SubscriptionUsage key={selected} subscriptionId={selected} />}
    </div>
  );
}
