"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useTRPC } from "~/lib/trpc/react";
import type { SubscriptionRow } from "~/server/usage/search-subscriptions";
import { Button } from "../button";
import { CustomerLink } from "../customer-link";
import { StatusBadge } from "../status-badge";
import { statusOptions } from "../status-labels";
import { useUrlState } from "../url-params";
import { SubscriptionStatus } from "~/generated/prisma/enums";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { useTableQuery } from "../use-table-query";
import { SubscriptionUsage } from "./subscription-usage";

const column = createColumnHelper<SubscriptionRow>();

export function UsageScreen() {
  const trpc = useTRPC();
  const table = useTableQuery({ sorting: [{ id: "createdAt", desc: true }] });
  const subscriptions = useQuery(trpc.usage.listSubscriptions.queryOptions(table.query, { placeholderData: keepPreviousData }));
  // The explored subscription is in the URL, so customer pages link straight to it.
  const [selected, setSelected] = useUrlState("explore");
  const columns: ColumnDef<SubscriptionRow, any>[] = [
    column.accessor("externalId", { header: "Subscription", enableSorting: true, enableHiding: false }),
    column.accessor((s) => s.service.code, { id: "service", header: "Service" }),
    column.accessor((s) => s.accountLink.externalId, { id: "customer", header: "Customer", cell: (info) => <CustomerLink id={info.row.original.accountLink.billingCustomerId}>{info.getValue()}</CustomerLink> }),
    column.accessor((s) => s.plan.code, { id: "plan", header: "Plan" }),
    column.accessor("status", { header: "Status", enableSorting: true, meta: { filterOptions: statusOptions(Object.values(SubscriptionStatus)) }, cell: (info) => <StatusBadge status={info.getValue()} /> }),
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
