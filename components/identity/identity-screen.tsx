"use client";

import { toast } from "sonner";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import type { AccountRow } from "~/server/identity/search-accounts";
import { Button } from "../button";
import { CustomerLink } from "../customer-link";
import { useConfirm } from "../confirm-dialog";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { Dialog } from "../dialog";
import { useTableQuery } from "../use-table-query";
import { BillingCustomerPanel } from "./billing-customer-panel";
import { LinkTargetPicker } from "./link-target-picker";

const column = createColumnHelper<AccountRow>();

/** App accounts and the billing customer each folds into; staff link, unlink, map to Odoo. */
export function IdentityScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const table = useTableQuery({ sorting: [{ id: "externalId", desc: false }] });
  const accounts = useQuery(trpc.identity.listAccounts.queryOptions(table.query, { placeholderData: keepPreviousData }));
  const [shownCustomer, setShownCustomer] = useState<string | null>(null);
  const [linking, setLinking] = useState<AccountRow | null>(null);
  const link = useMutation(trpc.identity.linkAccount.mutationOptions({
    onSuccess: (account, input) => {
      setLinking(null);
      setShownCustomer(account.billingCustomerId);
      toast.success(input.billingCustomerId ? `Account ${account.externalId} linked` : `Account ${account.externalId} split into its own customer`);
      void refreshAfterWrite(queryClient, trpc.identity.pathKey());
    },
  }));

  async function unlink(account: AccountRow) {
    const ok = await confirm({ title: `Unlink ${account.externalId}?`, body: "It gets a billing customer of its own; future Odoo pushes bill it separately.", confirmLabel: "Unlink", destructive: true });
    if (ok) link.mutate({ accountLinkId: account.id });
  }

  const columns: ColumnDef<AccountRow, any>[] = [
    column.accessor((a) => a.service.code, { id: "service", header: "Service" }),
    column.accessor("externalId", { header: "Account", enableSorting: true, enableHiding: false }),
    column.accessor("name", { header: "Name", enableSorting: true }),
    column.accessor("email", { header: "Email", enableSorting: true }),
    column.accessor((a) => a.billingCustomer.name ?? a.billingCustomer.id.slice(0, 8), {
      id: "billingCustomer", header: "Billing customer",
      cell: (info) => <CustomerLink id={info.row.original.billingCustomerId}>{info.getValue()}</CustomerLink>,
    }),
    column.accessor((a) => a.billingCustomer.odooPartnerId, { id: "odooPartner", header: "Odoo partner", cell: (info) => info.getValue() ?? "not mapped" }),
    column.display({
      id: "actions", header: "Actions", enableHiding: false,
      cell: ({ row: { original: account } }) => (
        <div className="flex flex-wrap gap-1">
          <Button variant="ghost" onClick={() => setShownCustomer(account.billingCustomerId)}>Odoo partner…</Button>
          <Button variant="ghost" onClick={() => setLinking(account)}>Link…</Button>
          <Button variant="ghost" onClick={() => unlink(account)}>Unlink</Button>
        </div>
      ),
    }),
  ];
  return (
    <div className="space-y-6">
      <DataTable label="App accounts" columns={columns} data={accounts.data} isLoading={accounts.isFetching} state={table} getRowId={(a) => a.id}
        searchPlaceholder="Search id, name or email" empty={<EmptyState title="No app accounts match">Apps create accounts with POST /customers.</EmptyState>} />
      {shownCustomer && <BillingCustomerPanel key={shownCustomer} billingCustomerId={shownCustomer} />}
      <Dialog open={linking !== null} title={`Link ${linking?.externalId ?? ""} to another billing customer`} onOpenChange={(open) => { if (!open) setLinking(null); }}>
        {linking && (
          <LinkTargetPicker account={linking} busy={link.isPending} onCancel={() => setLinking(null)}
            onPick={(target) => link.mutate({ accountLinkId: linking.id, billingCustomerId: target.billingCustomerId })} />
        )}
      </Dialog>
    </div>
  );
}
