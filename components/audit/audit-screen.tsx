"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useTRPC } from "~/lib/trpc/react";
import type { AuditRow } from "~/server/audit/search-audit-logs";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { useTableQuery } from "../use-table-query";

const column = createColumnHelper<AuditRow>();
const ENTITY_TYPES = ["service", "billable_metric", "plan", "account_link", "subscription", "billing_customer", "job", "webhook_delivery", "user"].map((value) => ({ value, label: value }));
const snapshot = (value: unknown) =>
  value == null ? "—" : (
    <details>
      <summary className="cursor-pointer text-indigo-700">show</summary>
      <pre className="mt-1 max-h-48 max-w-sm overflow-auto rounded bg-slate-100 p-2 text-xs">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );

const columns: ColumnDef<AuditRow, any>[] = [
  column.accessor("createdAt", { header: "When", enableSorting: true, cell: (info) => info.getValue().toLocaleString() }),
  column.accessor((row) => row.actor?.email ?? (row.actorService ? `service ${row.actorService.code} (API key)` : "—"), { id: "actor", header: "Who" }),
  column.accessor("action", { header: "Action", enableSorting: true }),
  column.accessor("entityType", { header: "Entity", enableSorting: true, meta: { filterOptions: ENTITY_TYPES } }),
  column.accessor("entityId", { header: "Entity id", cell: (info) => <code className="text-xs">{info.getValue()}</code> }),
  column.accessor("before", { header: "Before", cell: (info) => snapshot(info.getValue()) }),
  column.accessor("after", { header: "After", cell: (info) => snapshot(info.getValue()) }),
];

export function AuditScreen() {
  const trpc = useTRPC();
  const table = useTableQuery({ sorting: [{ id: "createdAt", desc: true }] });
  const logs = useQuery(trpc.audit.list.queryOptions(table.query, { placeholderData: keepPreviousData }));
  return (
    <DataTable label="Audit log" columns={columns} data={logs.data} isLoading={logs.isFetching} state={table} getRowId={(row) => row.id}
      searchPlaceholder="Search action or entity id" empty={<EmptyState title="Nothing audited yet">Console changes and API writes are recorded here.</EmptyState>} />
  );
}
