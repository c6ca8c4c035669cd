"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { toast } from "sonner";
import { fieldErrors } from "~/lib/trpc/error-message";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import type { ServiceRow } from "~/server/services/search-services";
import { Button } from "../button";
import { useConfirm } from "../confirm-dialog";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { Dialog } from "../dialog";
import { StatusBadge } from "../status-badge";
import { useTableQuery } from "../use-table-query";
import { ApiKeyDialog } from "./api-key-dialog";
import { BillingModeDialog } from "./billing-mode-dialog";
import { ServiceForm, type ServiceFormValues } from "./service-form";
import { WebhookSecretDialog } from "./webhook-secret-dialog";

const column = createColumnHelper<ServiceRow>();

export function ServicesScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const table = useTableQuery({ sorting: [{ id: "code", desc: false }] });
  const services = useQuery(trpc.services.list.queryOptions(table.query, { placeholderData: keepPreviousData }));
  const [editing, setEditing] = useState<ServiceRow | "new" | null>(null);
  const [shownKey, setShownKey] = useState<{ serviceName: string; apiKey: string } | null>(null);
  const [secretOf, setSecretOf] = useState<ServiceRow | null>(null);
  const [billingOf, setBillingOf] = useState<ServiceRow | null>(null);

  const refresh = () => refreshAfterWrite(queryClient, trpc.services.list.queryKey());
  const create = useMutation(trpc.services.create.mutationOptions({
    meta: { showsFieldErrors: true },
    onSuccess: ({ service, apiKey }) => { closeEditor(); setShownKey({ serviceName: service.name, apiKey }); toast.success(`Service ${service.code} created`); void refresh(); },
  }));
  const update = useMutation(trpc.services.update.mutationOptions({
    meta: { showsFieldErrors: true },
    onSuccess: (service) => { closeEditor(); toast.success(`Service ${service.code} saved`); void refresh(); },
  }));
  const setActive = useMutation(trpc.services.setActive.mutationOptions({
    onSuccess: (service) => { toast.success(`Service ${service.code} ${service.active ? "enabled" : "disabled"}`); void refresh(); },
  }));
  const rotate = useMutation(trpc.services.rotateKey.mutationOptions({
    onSuccess: ({ service, apiKey }) => { setShownKey({ serviceName: service.name, apiKey }); toast.success(`Key of ${service.code} rotated`); void refresh(); },
  }));

  async function rotateKey(service: ServiceRow) {
    const ok = await confirm({
      title: `Rotate the API key of ${service.name}?`,
      body: <>The current key (<code>{service.apiKeyPrefix}…</code>) stops working immediately. The app must be given the new key.</>,
      confirmLabel: "Rotate key",
      destructive: true,
    });
    if (ok) rotate.mutate({ id: service.id });
  }

  async function toggleActive(service: ServiceRow) {
    if (service.active) {
      const ok = await confirm({ title: `Disable ${service.name}?`, body: "Its API key will be refused (401) until the service is enabled again.", confirmLabel: "Disable", destructive: true });
      if (!ok) return;
    }
    setActive.mutate({ id: service.id, active: !service.active });
  }

  function closeEditor() {
    setEditing(null);
    create.reset();
    update.reset();
  }

  function save(values: ServiceFormValues) {
    if (editing === "new") create.mutate(values);
    else if (editing) update.mutate({ id: editing.id, name: values.name, webhookUrl: values.webhookUrl, webhookSignature: values.webhookSignature });
  }

  const columns: ColumnDef<ServiceRow, any>[] = [
    column.accessor("code", { header: "Code", enableSorting: true, enableHiding: false }),
    column.accessor("name", { header: "Name", enableSorting: true }),
    column.accessor("apiKeyPrefix", { header: "Key", cell: (info) => <code>{info.getValue()}…</code> }),
    column.accessor("apiKeyRotatedAt", { header: "Key rotated", enableSorting: true, cell: (info) => info.getValue().toLocaleString() }),
    column.accessor("webhookUrl", { header: "Webhook URL", cell: (info) => info.getValue() ?? <span className="text-slate-500">none</span> }),
    column.accessor("webhookSignature", { header: "Signature", cell: (info) => <code>{info.getValue()}</code> }),
    column.accessor("billingMode", {
      header: "Billing",
      enableSorting: true,
      meta: { filterOptions: [{ value: "live", label: "Live" }, { value: "shadow", label: "Shadow" }] },
      cell: ({ row: { original: service } }) => (
        <span title={service.billingMode === "shadow" ? "Lago bills this service" : "Odoo bills this service"}>
          <code>{service.billingMode}</code>{service.lagoApiUrl ? <span className="text-slate-500"> · Lago {service.lagoKeySet ? "key set" : "no key"}</span> : null}
        </span>
      ),
    }),
    column.accessor("active", {
      header: "Status",
      enableSorting: true,
      meta: { filterOptions: [{ value: "true", label: "Active" }, { value: "false", label: "Disabled" }] },
      cell: (info) => <StatusBadge status={info.getValue() ? "active" : "disabled"} />,
    }),
    column.display({
      id: "actions",
      header: "Actions",
      enableHiding: false,
      cell: ({ row: { original: service } }) => (
        <div className="flex flex-wrap gap-1">
          <Button variant="ghost" onClick={() => setEditing(service)}>Edit</Button>
          <Button variant="ghost" onClick={() => rotateKey(service)} busy={rotate.isPending && rotate.variables?.id === service.id}>Rotate key</Button>
          <Button variant="ghost" onClick={() => setSecretOf(service)}>Webhook secret</Button>
          <Button variant="ghost" onClick={() => setBillingOf(service)}>Billing</Button>
          <Button variant="ghost" onClick={() => toggleActive(service)}>{service.active ? "Disable" : "Enable"}</Button>
        </div>
      ),
    }),
  ];

  return (
    <>
      <DataTable
        label="Services"
        columns={columns}
        data={services.data}
        isLoading={services.isFetching}
        state={table}
        getRowId={(service) => service.id}
        searchPlaceholder="Search code or name"
        empty={<EmptyState title="No services match">Register a source app to give it an API key.</EmptyState>}
        toolbar={<Button onClick={() => setEditing("new")}>New service</Button>}
      />
      <Dialog open={editing !== null} title={editing === "new" ? "New service" : `Edit ${editing?.name ?? ""}`} onOpenChange={(open) => { if (!open) closeEditor(); }}>
        <ServiceForm
          initial={editing && editing !== "new" ? editing : undefined}
          busy={create.isPending || update.isPending}
          errors={fieldErrors(editing === "new" ? create.error : update.error)}
          onSubmit={save}
          onCancel={closeEditor}
        />
      </Dialog>
      <ApiKeyDialog shown={shownKey} onClose={() => setShownKey(null)} />
      <WebhookSecretDialog service={secretOf} onClose={() => { setSecretOf(null); void refresh(); }} />
      <BillingModeDialog service={billingOf} onClose={() => { setBillingOf(null); void refresh(); }} />
    </>
  );
}
