"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import { USER_ROLES } from "~/server/auth/roles";
import type { ConsoleUser } from "~/server/users/console-user";
import { Button } from "../button";
import { useConfirm } from "../confirm-dialog";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { FormActions, SelectField, TextField } from "../form-field";
import { Modal } from "../modal";
import { useToast } from "../toast";
import { useTableQuery } from "../use-table-query";

const column = createColumnHelper<ConsoleUser>();
const ROLE_OPTIONS = USER_ROLES.map((role) => ({ value: role, label: role }));

export function UsersScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const confirm = useConfirm();
  const table = useTableQuery({ sorting: [{ id: "email", desc: false }] });
  const users = useQuery(trpc.users.list.queryOptions(table.query, { placeholderData: keepPreviousData }));
  const [creating, setCreating] = useState(false);
  const refresh = () => refreshAfterWrite(queryClient, trpc.users.list.queryKey());
  const create = useMutation(trpc.users.create.mutationOptions({ onSuccess: (u) => { setCreating(false); toast.success(`User ${u.email} created`); void refresh(); } }));
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: (u) => { toast.success(`User ${u.email} saved`); void refresh(); } }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ email: String(form.get("email")), name: String(form.get("name")) || null, password: String(form.get("password")), role: form.get("role") as ConsoleUser["role"] });
  }
  async function toggleActive(user: ConsoleUser) {
    if (user.active && !(await confirm({ title: `Disable ${user.email}?`, body: "Their current session stops working at once.", confirmLabel: "Disable", destructive: true }))) return;
    update.mutate({ id: user.id, active: !user.active });
  }

  const columns: ColumnDef<ConsoleUser, any>[] = [
    column.accessor("email", { header: "Email", enableSorting: true, enableHiding: false }),
    column.accessor("name", { header: "Name", enableSorting: true }),
    column.accessor("role", {
      header: "Role", enableSorting: true, meta: { filterOptions: ROLE_OPTIONS },
      cell: ({ row: { original: user } }) => (
        <select aria-label={`Role of ${user.email}`} value={user.role} onChange={(event) => update.mutate({ id: user.id, role: event.target.value as ConsoleUser["role"] })} className="rounded border border-slate-300 px-1 py-0.5">
          {ROLE_OPTIONS.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
      ),
    }),
    column.accessor("active", { header: "Status", meta: { filterOptions: [{ value: "true", label: "Active" }, { value: "false", label: "Disabled" }] }, cell: (info) => (info.getValue() ? "active" : "disabled") }),
    column.display({ id: "actions", header: "Actions", enableHiding: false, cell: ({ row }) => <Button variant="ghost" onClick={() => toggleActive(row.original)}>{row.original.active ? "Disable" : "Enable"}</Button> }),
  ];
  return (
    <>
      <DataTable label="Users" columns={columns} data={users.data} isLoading={users.isFetching} state={table} getRowId={(u) => u.id}
        searchPlaceholder="Search email or name" empty={<EmptyState title="No users match" />} toolbar={<Button onClick={() => setCreating(true)}>New user</Button>} />
      <Modal open={creating} title="New console user" onClose={() => setCreating(false)}>
        <form onSubmit={submit}>
          <TextField label="Email" name="email" type="email" required autoFocus />
          <TextField label="Name" name="name" />
          <TextField label="Password" name="password" type="password" required minLength={12} hint="At least 12 characters" />
          <SelectField label="Role" name="role" defaultValue="finance" options={ROLE_OPTIONS} />
          <FormActions onCancel={() => setCreating(false)} submitLabel="Create user" busy={create.isPending} />
        </form>
      </Modal>
    </>
  );
}
