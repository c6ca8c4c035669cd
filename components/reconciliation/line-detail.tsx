"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Spinner } from "~/components/spinner";
import { StatusBadge } from "~/components/status-badge";
import { useTRPC } from "~/lib/trpc/react";
import { Money } from "~/components/money";

const SIDES = [
  { key: "lago", title: "Lago", source: "imported invoice fees", units: "lagoUnits", amount: "lagoAmountCents" },
  { key: "odoo", title: "Odoo", source: "invoice lines", units: "odooUnits", amount: "odooAmountCents" },
  { key: "hub", title: "Hub", source: "its own computation", units: "hubUnits", amount: "hubAmountCents" },
] as const;

/** One line: its classification, the three sides side by side in a small table, and the records each side was summed from. */
export function LineDetail({ lineId }: { lineId: string }) {
  const trpc = useTRPC();
  const line = useQuery(trpc.reconciliation.getLine.queryOptions({ id: lineId }));
  if (!line.data) return line.isLoading ? <Spinner /> : <p role="alert">{line.error?.message ?? "Not found"}</p>;
  const data = line.data;
  const raw = data.raw as Record<string, unknown[] | undefined>;
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        {/* Back keeps the run's filters: they live in the URL of the page we came from. */}
        <Link className="text-indigo-700 underline" href={`/reconciliation/${data.runId}`}>Back to the run</Link>
        · {data.serviceCode || "(unmatched service)"} / {data.customerKey} / {data.chargeKey} · <StatusBadge status={data.status} />
      </p>
      <table aria-label="Sides" className="w-full max-w-3xl rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr><th className="px-3 py-2 font-medium">Side</th><th className="px-3 py-2 font-medium">Units</th><th className="px-3 py-2 text-right font-medium">Amount</th><th className="px-3 py-2 font-medium">Records</th></tr>
        </thead>
        <tbody>
          {SIDES.map((side) => (
            <tr key={side.key} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 font-medium">{side.title} <span className="block text-xs font-normal text-slate-600">{side.source}</span></th>
              <td className="px-3 py-2">{data[side.units] ?? "—"}</td>
              <td className="px-3 py-2 text-right"><Money cents={data[side.amount]} currency={data.currency} /></td>
              <td className="px-3 py-2">{raw[side.key]?.length ?? 0}</td>
            </tr>
          ))}
          <tr className="border-t border-slate-300 font-semibold">
            <th scope="row" className="px-3 py-2">Lago − Odoo</th><td className="px-3 py-2" />
            <td className="px-3 py-2 text-right"><Money cents={data.amountDiffCents} currency={data.currency} /></td>
            <td className="px-3 py-2 text-xs font-normal text-slate-600">tolerance {data.run.toleranceCents} minor units</td>
          </tr>
        </tbody>
      </table>
      <details className="rounded-lg border border-slate-200 bg-white p-3">
        <summary className="cursor-pointer text-sm font-medium text-indigo-700">Source records (for support)</summary>
        <div className="mt-2 grid gap-4 lg:grid-cols-3">
          {SIDES.map((side) => (
            <section key={side.key} aria-label={`${side.title} records`}>
              <h2 className="text-sm font-semibold">{side.title}</h2>
              <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs">{raw[side.key]?.length ? JSON.stringify(raw[side.key], null, 2) : "nothing on this side"}</pre>
            </section>
          ))}
        </div>
      </details>
    </div>
  );
}
