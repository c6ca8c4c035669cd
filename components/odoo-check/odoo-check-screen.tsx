"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "~/components/button";
import { useTRPC } from "~/lib/trpc/react";
import { CHECK_SECTIONS, type CheckStatus } from "~/server/odoo-check/assess-readiness";

const BADGE: Record<CheckStatus, string> = {
  pass: "bg-emerald-100 text-emerald-800",
  warn: "bg-amber-100 text-amber-900",
  fail: "bg-red-100 text-red-800",
};

/** Runs the read-only readiness check against the configured Odoo and shows each item by section. */
export function OdooCheckScreen() {
  const trpc = useTRPC();
  const check = useQuery(trpc.odooCheck.run.queryOptions(undefined, { enabled: false, retry: false, staleTime: Infinity }));
  const report = check.data;
  return (
    <section className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-600">
        Reads the Odoo instance the hub is configured for (never writes): version, modules, what the hub&apos;s API key may do, the
        fields the hub writes, pricelists for every plan currency, the company&apos;s online payment setting, the records the hub has
        mapped, and the automation rules that call the hub. The same report as <code>npm run odoo:check</code>.
      </p>
      <Button onClick={() => void check.refetch()} busy={check.isFetching}>{report ? "Run again" : "Run check"}</Button>
      {check.error ? <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{check.error.message}</p> : null}
      {report ? (
        <div className="space-y-4">
          <p className="text-sm" data-testid="odoo-check-summary">
            <span className="font-medium">{report.url}{report.database ? ` (${report.database})` : ""}</span>:{" "}
            {report.counts.pass} passed, {report.counts.warn} warnings, {report.counts.fail} failed — {report.ready ? "ready" : "not ready"}
          </p>
          {CHECK_SECTIONS.map((section) => {
            const items = report.items.filter((item) => item.section === section);
            if (!items.length) return null;
            return (
              <table key={section} className="w-full max-w-5xl text-sm" aria-label={section}>
                <caption className="mb-1 text-left font-semibold">{section}</caption>
                <tbody>
                  {items.map((item) => (
                    <tr key={`${section}|${item.name}`} className="border-t border-slate-200 align-top">
                      <td className="w-16 py-1.5"><span className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${BADGE[item.status]}`}>{item.status}</span></td>
                      <td className="w-64 py-1.5 pr-3 font-medium">{item.name}</td>
                      <td className="py-1.5 text-slate-700">{item.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}
        </div>
      ) : null}
    </section>
  );
}
