"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { fieldErrors } from "~/lib/trpc/error-message";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import { type Role, USER_ROLES } from "~/server/auth/roles";
import type { ConsoleUser } from "~/server/users/console-user";
import { Button } from "../button";
import { useConfirm } from "../confirm-dialog";
import { DataTable } from "../data-table";
import { Dialog } from "../dialog";
import { EmptyState } from "../empty-state";
import { FormActions, SelectField, TextField } from "../form-field";
import { StatusBadge } from "../status-badge";
import { useTableQuery } from "../use-table-query";

const column = createColumnHelper<ConsoleUser>();
const ROLE_LABELS: Record<Role, string> = { finance: "Finance", ops: "Ops", admin: "Admin" };
const ROLE_OPTIONS = USER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const ROLE_POWERS: Record<Role, string> = {
  finance: "the catalog, identity links and usage",
  ops: "jobs, webhooks, reconciliation, Lago imports and usage",
  admin: "everything, including services, API keys, users and the audit log",
};

/**
 * Console users. A role change or a disable asks first (they end or widen someone's
 * access at once); one's own row cannot be demoted or disabled, and the server refuses
 * to leave the hub without an active admin.
 */
export function UsersScreen() {
  const trpc = useTRPC();
  const currentUserId = useQuery(trpc.users.me.queryOptions()).data?.id;
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const table = useTableQuery({ sorting: [{ id: "email", desc: false }] });
  const users = useQuery(trpc.users.list.queryOptions(table.query, { placeholderData: keepPreviousData }));
  const [creating, setCreating] = useState(false);
  const refresh = () => refreshAfterWrite(queryClient, trpc.users.list.queryKey());
  const create = useMutation(trpc.users.create.mutationOptions({
    meta: { showsFieldErrors: true },
    onSuccess: (u) => { closeCreate(); toast.success(`User ${u.email} created`); void refresh(); },
  }));
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: (u) => { toast.success(`User ${u.email} saved`); void refresh(); }, onError: () => void refresh() }));
  const createErrors = fieldErrors(create.error);

  function closeCreate() {
    setCreating(false);
    create.reset();
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ email: String(form.get("email")), name: String(form.get("name")) || null, password: String(form.get("password")), role: form.get("role") as Role });
  }
  async function changeRole(user: ConsoleUser, role: Role) {
    if (role === user.role) return;
    const ok = await confirm({
      title: `Make ${user.email} ${ROLE_LABELS[role].toLowerCase()}?`,
      body: <>From their next click they can use {ROLE_POWERS[role]}{role === "admin" ? "" : <>, and no longer what only {ROLE_LABELS[user.role].toLowerCase()} opens</>}.</>,
      confirmLabel: `Make ${ROLE_LABELS[role].toLowerCase()}`,
      destructive: role === "admin",
    });
    if (ok) update.mutate({ id: user.id, role });
  }
  async function toggleActive(user: ConsoleUser) {
    if (user.active && !(await confirm({ title: `Disable ${user.email}?`, body: "Their current session stops working at once.", confirmLabel: "Disable", destructive: true }))) return;
    update.mutate({ id: user.id, active: !user.active });
  }

  const columns: ColumnDef<ConsoleUser, any>[] = [
    column.accessor("email", { header: "Email", enableSorting: true, enableHiding: false, cell: (info) => <>{info.getValue()}{info.row.original.id === currentUserId && <span className="ml-1 text-xs text-slate-600">(you)</span>}</> }),
    column.accessor("name", { header: "Name", enableSorting: true }),
    column.accessor("role", {
      header: "Role", enableSorting: true, meta: { filterOptions: ROLE_OPTIONS },
      cell: ({ row: { original: user } }) => (
        <select aria-label={`Role of ${user.email}`} value={user.role} disabled={user.id === currentUserId || (update.isPending && update.variables?.id === user.id)}
          title={user.id === currentUserId ? "Another admin must change your role" : undefined}
          onChange={(event) => void changeRole(user, event.target.value as Role)} className="rounded border border-slate-300 px-1 py-0.5 disabled:bg-slate-100">
          {ROLE_OPTIONS.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
      ),
    }),
    column.accessor("active", { header: "Status", meta: { filterOptions: [{ value: "true", label: "Active" }, { value: "false", label: "Disabled" }] }, cell: (info) => <StatusBadge status={info.getValue() ? "active" : "disabled"} /> }),
    column.display({
      id: "actions", header: "Actions", enableHiding: false,
      cell: ({ row: { original: user } }) => user.id === currentUserId
        ? <span className="text-xs text-slate-600">Your account</span>
        : <Button variant="ghost" onClick={() => toggleActive(user)}>{user.active ? "Disable" : "Enable"}</Button>,
    }),
  ];
  return (
    <>
      <DataTable label="Users" columns={columns} data={users.data} isLoading={users.isFetching} state={table} getRowId={(u) => u.id}
        searchPlaceholder="Search email or name" empty={<EmptyState title="No users match" />} toolbar={<Button onClick={() => setCreating(true)}>New user</Button>} />
      <Dialog open={creating} title="New console user" onOpenChange={(open) => { if (!open) closeCreate(); }}>
        <form onSubmit={submit}>
          <TextField label="Email" name="email" type="email" required autoFocus error={createErrors.email} />
          <TextField label="Name" name="name" error={createErrors.name} />
          <TextField label="Password" name="password" type="password" required minLength={12} hint="At least 12 characters" error={createErrors.password} />
          <SelectField label="Role" name="role" defaultValue="finance" options={ROLE_OPTIONS} />
          <FormActions onCancel={closeCreate} submitLabel="Create user" busy={create.isPending} />
        </form>
      </Dialog>
    </>
  );
}
