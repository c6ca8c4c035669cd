"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/lib/trpc/react";
import { formatMoney } from "~/server/billing/pricing";
import { Spinner } from "../spinner";
import { StatusBadge } from "../status-badge";
import { type CutoverAction, CutoverDialog } from "./cutover-dialog";

const day = (instant: Date) => instant.toISOString().slice(0, 10);
const money = (cents: bigint | null, currency: string | null) => (cents === null ? "—" : currency ? formatMoney(cents, currency) : `${cents} minor units`);

/**
 * Each service still billed by Lago with its migration gate: how many closed periods
 * agree out of those required, and for each recent period the lines where Lago billed
 * something else than the hub computed. Cutover waits for green; a scheduled one can be
 * cancelled here until its boundary. A service cut over to Odoo stays listed, with its
 * rollback, which the server allows until Odoo's first invoice of the service.
 */
export function MigrationScreen() {
  const trpc = useTRPC();
  const gates = useQuery(trpc.migration.list.queryOptions());
  const [action, setAction] = useState<CutoverAction>(null);
  if (gates.error) return <p role="alert" className="text-red-800">Could not read the migration gates: {gates.error.message}</p>;
  if (!gates.data) return <div className="p-4"><Spinner /></div>;
  if (gates.data.length === 0) {
    return <p className="text-sm text-slate-700">No service is in shadow or cut over from Lago: none has started its migration (Services → Billing).</p>;
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        A shadow service may leave Lago once its latest closed periods agree line by line with the hub (set per service with{" "}
        <code>npm run migration -- set-gate</code>). Reconcile each closed period on the Reconciliation page.
      </p>
      {gates.data.map((gate) => gate.billingMode === "live" && gate.cutoverAt ? (
        <section key={gate.serviceCode} aria-label={`Gate of ${gate.serviceCode}`} className="rounded-lg border border-slate-200 bg-white p-3">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="font-semibold">{gate.serviceCode}</h2>
            <StatusBadge status="moved_to_odoo" />
            <span className="text-sm text-slate-700">Cut over at {gate.cutoverAt.toISOString()}: Odoo bills it from then on, Lago billed it before.</span>
            <button type="button" className="ml-auto rounded border border-slate-300 px-2 py-1 text-sm" onClick={() => setAction({ kind: "roll-back", serviceCode: gate.serviceCode })}>Roll back to Lago…</button>
          </div>
        </section>
      ) : (
        <section key={gate.serviceCode} aria-label={`Gate of ${gate.serviceCode}`} className="rounded-lg border border-slate-200 bg-white p-3">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="font-semibold">{gate.serviceCode}</h2>
            <StatusBadge status={gate.green ? "gate_open" : "gate_closed"} />
            <span className="text-sm text-slate-700">{gate.reason}</span>
            <span className="ml-auto text-xs text-slate-600">{gate.requiredPeriods} periods required · tolerance {gate.toleranceCents} minor units per line</span>
            {gate.cutoverAt ? (
              <>
                <span className="text-sm font-medium">Cutover at {gate.cutoverAt.toISOString()}</span>
                <button type="button" className="rounded border border-slate-300 px-2 py-1 text-sm" onClick={() => setAction({ kind: "cancel", serviceCode: gate.serviceCode })}>Cancel cutover</button>
              </>
            ) : (
              <button type="button" disabled={!gate.green} title={gate.green ? undefined : "The gate must be green"} className="rounded bg-slate-900 px-2 py-1 text-sm text-white disabled:opacity-50" onClick={() => setAction({ kind: "schedule", serviceCode: gate.serviceCode })}>
                Cut over…
              </button>
            )}
          </div>
          {gate.periods.slice(0, gate.requiredPeriods + 1).map((period) => (
            <div key={period.runId} className="mt-2">
              <h3 className="text-sm font-medium">
                {day(period.periodStart)} → {day(period.periodEnd)}: {period.blocking.length ? `${period.blocking.length} blocking line${period.blocking.length === 1 ? "" : "s"}` : period.lines === 0 ? "nothing billed on either side: not counted" : "agrees"}
              </h3>
              {period.blocking.length > 0 && (
                <table aria-label={`Blocking lines of ${gate.serviceCode} ${day(period.periodStart)}`} className="mt-1 w-full text-left text-sm">
                  <thead className="text-xs text-slate-600">
                    <tr><th className="px-2 py-1">Customer</th><th className="px-2 py-1">Charge</th><th className="px-2 py-1">Lago units</th><th className="px-2 py-1">Hub units</th><th className="px-2 py-1 text-right">Lago</th><th className="px-2 py-1 text-right">Hub</th><th className="px-2 py-1">Why</th></tr>
                  </thead>
                  <tbody>
                    {period.blocking.slice(0, 50).map((line) => (
                      <tr key={line.id} className="border-t border-slate-100">
                        <td className="px-2 py-1">{line.customerKey}</td><td className="px-2 py-1">{line.chargeKey}</td>
                        <td className="px-2 py-1">{line.lagoUnits ?? "—"}</td><td className="px-2 py-1">{line.hubUnits ?? "—"}</td>
                        <td className="px-2 py-1 text-right">{money(line.lagoAmountCents, line.currency)}</td><td className="px-2 py-1 text-right">{money(line.hubAmountCents, line.currency)}</td>
                        <td className="px-2 py-1">{line.why === "amount" ? "amounts differ" : "units differ"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ))}
        </section>
      ))}
      <CutoverDialog action={action} onClose={() => setAction(null)} />
    </div>
  );
}
