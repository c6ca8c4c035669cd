"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Spinner } from "~/components/spinner";
import { useTRPC } from "~/lib/trpc/react";

const SIDES = [
  { key: "lago", title: "Lago (imported fees)", units: "lagoUnits", amount: "lagoAmountCents" },
  { key: "odoo", title: "Odoo (invoice lines)", units: "odooUnits", amount: "odooAmountCents" },
  { key: "hub", title: "Hub (own computation)", units: "hubUnits", amount: "hubAmountCents" },
] as const;

/** One line: the classification, each side's totals and the raw records they were summed from. */
export function LineDetail({ lineId }: { lineId: string }) {
  const trpc = useTRPC();
  const line = useQuery(trpc.reconciliation.line.queryOptions({ id: lineId }));
  if (!line.data) return line.isLoading ? <Spinner /> : <p role="alert">{line.error?.message ?? "Not found"}</p>;
  const data = line.data;
  const raw = data.raw as Record<string, unknown[]>;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        <Link className="text-indigo-700 underline" href={`/reconciliation/${data.runId}`}>Back to the run</Link> · {data.serviceCode || "(unmatched)"} / {data.customerKey} / {data.chargeKey} ·{" "}
        <b>{data.status}</b> · Lago − Odoo {data.amountDiffCents.toString()} {data.currency ?? ""} (minor units) · tolerance {data.run.toleranceCents}
      </p>
      <div className="grid gap-4 lg:grid-cols-3">
        {SIDES.map((side) => (
          <section key={side.key} className="rounded-lg border border-slate-200 bg-white p-3">
            <h2 className="font-semibold">{side.title}</h2>
            <p className="text-sm">units {data[side.units] ?? "—"} · amount {data[side.amount]?.toString() ?? "—"}</p>
            <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs">{raw[side.key]?.length ? JSON.stringify(raw[side.key], null, 2) : "nothing on this side"}</pre>
          </section>
        ))}
      </div>
    </div>
  );
}
