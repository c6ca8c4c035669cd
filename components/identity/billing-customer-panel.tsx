"use client";

import { toast } from "sonner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { fieldErrors } from "~/lib/trpc/error-message";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import { Button } from "../button";
import { CopyButton } from "../copy-button";
import { CustomerLink } from "../customer-link";
import { TextField } from "../form-field";
import { Spinner } from "../spinner";

/** Every app account of one billing customer, and its Odoo partner mapping. */
export function BillingCustomerPanel({ billingCustomerId }: { billingCustomerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const customer = useQuery(trpc.identity.getCustomer.queryOptions({ id: billingCustomerId }));
  const setPartner = useMutation(trpc.identity.setOdooPartner.mutationOptions({
    meta: { showsFieldErrors: true },
    onSuccess: ({ odooPartnerName }) => {
      toast.success(odooPartnerName ? `Odoo partner saved: ${odooPartnerName}` : "Odoo partner saved");
      void refreshAfterWrite(queryClient, trpc.identity.pathKey());
    },
  }));
  if (!customer.data) return <div className="p-6"><Spinner /></div>;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("odooPartnerId") ?? "").trim();
    setPartner.mutate({ billingCustomerId, odooPartnerId: value ? Number(value) : null });
  }
  return (
    <section aria-label="Billing customer" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold"><CustomerLink id={billingCustomerId}>{customer.data.name ?? "Unnamed customer"}</CustomerLink></h2>
      <p className="mb-3 flex items-center gap-2 text-xs text-slate-500">Billing customer <code>{billingCustomerId}</code> <CopyButton value={billingCustomerId} label="Copy id" /></p>
      <ul className="mb-4 list-disc pl-5 text-sm">
        {customer.data.accountLinks.map((account) => <li key={account.id}>{account.service.code} / {account.externalId}{account.name ? ` (${account.name})` : ""}</li>)}
      </ul>
      <form onSubmit={submit} className="flex items-end gap-2">
        <div className="w-48"><TextField label="Odoo partner id" name="odooPartnerId" inputMode="numeric" pattern="[0-9]*" defaultValue={customer.data.odooPartnerId ?? ""} hint="Empty clears it" error={fieldErrors(setPartner.error).odooPartnerId} /></div>
        <Button type="submit" className="mb-3" busy={setPartner.isPending}>Save partner</Button>
      </form>
    </section>
  );
}
