"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { useTRPC } from "~/lib/trpc/react";
import { KIND_LABELS } from "../jobs/jobs-screen";
import { SchedulesPanel } from "../jobs/schedules-panel";
import { Spinner } from "../spinner";
import { StatusBadge } from "../status-badge";

type Check = { ok: true; latencyMs: number } | { ok: false; error: string } | { ok: true; skipped: string };

function CheckRow({ name, check }: { name: string; check: Check | undefined }) {
  if (!check) return null;
  const status = !check.ok ? "not_ready" : "skipped" in check ? "not_configured" : "ready";
  return (
    <tr className="border-t border-slate-100">
      <th scope="row" className="py-1.5 pr-2 text-left font-medium">{name}</th>
      <td className="py-1.5 pr-2"><StatusBadge status={status} /></td>
      <td className="py-1.5 text-slate-700">{!check.ok ? check.error : "skipped" in check ? check.skipped : `answered in ${check.latencyMs} ms`}</td>
    </tr>
  );
}

function Figure({ label, value, bad, href }: { label: string; value: number; bad?: boolean; href?: string }) {
  const body = (
    <>
      <span className={`block text-2xl font-semibold ${bad && value > 0 ? "text-red-800" : "text-slate-900"}`}>{value.toLocaleString()}</span>
      <span className="text-xs text-slate-600">{label}</span>
    </>
  );
  return <div className="rounded border border-slate-200 px-3 py-2">{href && value > 0 ? <Link href={href} className="block hover:underline">{body}</Link> : body}</div>;
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="mb-2 font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * The hub at a glance for ops: is it ready (database, Odoo), what is waiting and what is
 * dead (jobs by kind, webhook deliveries, forwarding), and each schedule's last run.
 * Refreshed every 10 s; dead counts link to the screens that retry or replay them.
 */
export function StatusScreen() {
  const trpc = useTRPC();
  const status = useQuery(trpc.status.get.queryOptions(undefined, { refetchInterval: 10_000 }));
  if (status.error) return <p role="alert" className="text-red-800">Could not read the status: {status.error.message}</p>;
  if (!status.data) return <div className="p-4"><Spinner /></div>;
  const { readiness, backlogs, jobs, attention, checkedAt } = status.data;
  return (
    <div className="space-y-4">
      <div aria-label="Needs attention" role="region" className={`rounded-lg border p-3 ${attention.length ? "border-amber-300 bg-amber-50" : "border-emerald-200 bg-emerald-50"}`}>
        {attention.length === 0 ? (
          <p className="font-medium text-emerald-800">All clear: ready, nothing dead, every schedule on time.</p>
        ) : (
          <ul className="list-disc pl-5 text-amber-900">{attention.map((line) => <li key={line}>{line}</li>)}</ul>
        )}
        <p className="mt-1 text-xs text-slate-700">Checked {checkedAt.toLocaleString()} by this web process; refreshed every 10 s.</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Readiness">
          <table aria-label="Readiness checks" className="w-full text-sm">
            <tbody>
              <CheckRow name="Database" check={readiness.checks.database} />
              <CheckRow name="Odoo" check={readiness.checks.odoo} />
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-600">Load balancers probe <code>GET /api/health/ready</code>; Prometheus scrapes <code>GET /api/metrics</code>.</p>
        </Card>
        <Card title="Webhooks and forwarding">
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Figure label="Deliveries due now" value={backlogs.webhooks.due} />
            <Figure label="Pending (incl. retrying)" value={backlogs.webhooks.pending} />
            <Figure label="Dead deliveries" value={backlogs.webhooks.dead} bad href="/webhooks?f.state=dead" />
            <Figure label="Events to forward to Lago" value={backlogs.forwarding} />
          </div>
        </Card>
      </div>
      <Card title="Job backlog">
        <table aria-label="Jobs by kind" className="w-full text-left text-sm">
          <thead className="text-xs text-slate-600"><tr><th className="py-1 font-medium">Kind</th><th className="font-medium">Due now</th><th className="font-medium">Running</th><th className="font-medium">Retrying</th><th className="font-medium">Dead</th></tr></thead>
          <tbody>
            {jobs.map((row) => (
              <tr key={row.kind} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-2 font-medium">{KIND_LABELS[row.kind]}</th>
                <td>{row.due}</td>
                <td>{row.running}</td>
                <td>{row.failed}</td>
                <td>{row.dead > 0 ? <Link className="font-semibold text-red-800 underline" href={`/jobs?f.state=dead&f.kind=${row.kind}`}>{row.dead}</Link> : 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <SchedulesPanel />
    </div>
  );
}
