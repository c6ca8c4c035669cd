"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/lib/trpc/react";
import type { AccountRow } from "~/server/identity/search-accounts";
import { Button } from "../button";
import { TextField } from "../form-field";
import { Spinner } from "../spinner";
import { useDebouncedValue } from "../use-debounced-value";

const RESULTS = 8;

/**
 * Finds the customer to fold an account into by searching the other apps' accounts
 * (id, name or email) instead of asking staff to copy a billing customer id around.
 */
export function LinkTargetPicker({ account, busy, onPick, onCancel }: {
  account: AccountRow;
  busy: boolean;
  onPick: (target: AccountRow) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const [input, setInput] = useState("");
  const search = useDebouncedValue(input.trim());
  const candidates = useQuery({
    ...trpc.identity.listAccounts.queryOptions({ search, pageSize: RESULTS + 1 }),
    enabled: search.length > 0,
  });
  const others = (candidates.data?.rows ?? []).filter((row) => row.billingCustomerId !== account.billingCustomerId).slice(0, RESULTS);

  return (
    <div>
      <TextField label="Find the customer's account in another app" type="search" value={input} onChange={(event) => setInput(event.target.value)}
        autoFocus placeholder="Account id, name or email" hint="Linking bills both accounts as one customer (one Odoo partner)." />
      {candidates.isFetching && <Spinner small />}
      {search && candidates.data && (others.length === 0
        ? <p className="py-2 text-sm text-slate-500">No account of another customer matches “{search}”.</p>
        : (
          <ul aria-label="Matching accounts" className="max-h-72 divide-y divide-slate-100 overflow-auto">
            {others.map((row) => (
              <li key={row.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span>
                  <span className="font-medium">{row.service.code} / {row.externalId}</span>
                  {row.name && <span className="text-slate-500"> · {row.name}</span>}
                  <span className="block text-xs text-slate-500">
                    customer {row.billingCustomer.name ?? row.billingCustomer.id.slice(0, 8)}{row.billingCustomer.odooPartnerId ? ` · Odoo partner ${row.billingCustomer.odooPartnerId}` : ""}
                  </span>
                </span>
                <Button variant="secondary" busy={busy} onClick={() => onPick(row)} aria-label={`Link to ${row.service.code} / ${row.externalId}`}>Link here</Button>
              </li>
            ))}
          </ul>
        ))}
      <div className="mt-4 flex justify-end"><Button variant="secondary" onClick={onCancel}>Cancel</Button></div>
    </div>
  );
}
