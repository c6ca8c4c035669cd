"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useTRPC } from "~/lib/trpc/react";
import type { CustomerRow } from "~/server/customers/search-customers";
import { CustomerLink } from "../customer-link";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { useTableQuery } from "../use-table-query";

const column = createColumnHelper<CustomerRow>();
const columns: ColumnDef<CustomerRow, any>[] = [
  column.accessor("name", { header: "Customer", enableSorting: true, enableHiding: false, cell: ({ row: { original: c } }) => <CustomerLink id={c.id}>{c.name ?? c.email ?? "Unnamed customer"}</CustomerLink> }),
  column.accessor("email", { header: "Email", enableSorting: true }),
  column.accessor("accountLinks", {
    header: "App accounts",
    cell: (info) => info.getValue().map((account: CustomerRow["accountLinks"][number]) => `${account.service.code} / ${account.externalId}`).join(", ") || "—",
  }),
  column.accessor("odooPartnerId", { header: "Odoo partner", cell: (info) => info.getValue() ?? "not mapped" }),
  column.accessor("createdAt", { header: "Since", enableSorting: true, cell: (info) => info.getValue().toISOString().slice(0, 10) }),
];

/** Billing customers: the way in to a customer page when no other table names them. */
export function CustomersScreen() {
  const trpc = useTRPC();
  const table = useTableQuery({ sorting: [{ id: "createdAt", desc: true }] });
  const customers = useQuery(trpc.customers.list.queryOptions(table.query, { placeholderData: keepPreviousData }));
  return (
    <DataTable label="Customers" columns={columns} data={customers.data} isLoading={customers.isFetching} state={table} getRowId={(c) => c.id}
      searchPlaceholder="Name, email or app account" empty={<EmptyState title="No customer matches">Apps create customers with POST /customers.</EmptyState>} />
  );
}
