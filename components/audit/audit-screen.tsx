"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useTRPC } from "~/lib/trpc/react";
import type { AuditRow } from "~/server/audit/search-audit-logs";
import type { SnapshotChange } from "~/server/audit/diff-snapshots";
import { CustomerLink } from "../customer-link";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { useTableQuery } from "../use-table-query";

const column = createColumnHelper<AuditRow>();
const ENTITY_LABELS: Record<string, string> = {
  service: "Service", billable_metric: "Metric", plan: "Plan", account_link: "App account", subscription: "Subscription", billing_customer: "Billing customer",
  job: "Job", webhook_delivery: "Webhook delivery", user: "User", reconciliation_run: "Reconciliation run", lago_import_run: "Lago import",
};
const words = (code: string) => code.replace(/_/g, " ");
const SHOWN_CHANGES = 4;

function value(shown: unknown) {
  if (shown === undefined) return <span className="text-slate-500 italic">none</span>;
  if (shown === null) return <span className="text-slate-500 italic">empty</span>;
  return <code className="break-all">{typeof shown === "string" ? shown : JSON.stringify(shown)}</code>;
}

function ChangeList({ changes }: { changes: SnapshotChange[] }) {
  if (!changes.length) return <span className="text-slate-600">no field changed</span>;
  const rows = (list: SnapshotChange[]) => list.map((change) => (
    <li key={change.path}><span className="font-medium">{change.path}</span>: {value(change.before)} → {value(change.after)}</li>
  ));
  return (
    <div className="max-w-md text-xs">
      <ul className="space-y-0.5">{rows(changes.slice(0, SHOWN_CHANGES))}</ul>
      {changes.length > SHOWN_CHANGES && (
        <details><summary className="cursor-pointer text-indigo-700">{changes.length - SHOWN_CHANGES} more</summary><ul className="space-y-0.5">{rows(changes.slice(SHOWN_CHANGES))}</ul></details>
      )}
    </div>
  );
}

const columns: ColumnDef<AuditRow, any>[] = [
  column.accessor("createdAt", { header: "When", enableSorting: true, cell: (info) => <span className="whitespace-nowrap">{info.getValue().toLocaleString()}</span> }),
  column.accessor("actor", {
    header: "Who",
    cell: ({ getValue }) => {
      const actor = getValue() as AuditRow["actor"];
      return actor.kind === "user"
        ? <span title={actor.email}>{actor.name}</span>
        : <span>{actor.name} <span className="text-xs text-slate-600">(service {actor.code}, API key)</span></span>;
    },
  }),
  column.accessor("action", { header: "Action", enableSorting: true, cell: (info) => { const [, verb = info.getValue()] = info.getValue().split("."); return words(verb); } }),
  column.accessor("entityType", {
    header: "Entity", enableSorting: true, meta: { filterOptions: Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label })) },
    cell: ({ row: { original: row } }) => (
      <span>
        <span className="text-xs text-slate-600">{ENTITY_LABELS[row.entityType] ?? words(row.entityType)}</span>{" "}
        <CustomerLink id={row.customerId}><span title={row.entityId}>{row.entityName}</span></CustomerLink>
      </span>
    ),
  }),
  column.accessor("changes", { header: "Changes", cell: (info) => <ChangeList changes={info.getValue()} /> }),
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
