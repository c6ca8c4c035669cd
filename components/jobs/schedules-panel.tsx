"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/lib/trpc/react";
import { Spinner } from "../spinner";
import { StatusBadge } from "../status-badge";

const duration = (from: Date, to: Date | null) => (to ? `${((to.getTime() - from.getTime()) / 1000).toFixed(1)} s` : "still running");
const counts = (summary: unknown) => Object.entries((summary ?? {}) as Record<string, unknown>).map(([key, value]) => `${key.replace(/([A-Z])/g, " $1").toLowerCase()}: ${String(value)}`).join(", ");

/**
 * The schedules behind the job table (usage push, webhook drain, Odoo poll): each one's
 * last run and when the next is expected, and what recent runs could not do, e.g. a
 * planning error when Odoo refuses access to a subscription's order.
 */
export function SchedulesPanel() {
  const trpc = useTRPC();
  const status = useQuery(trpc.jobs.schedules.queryOptions(undefined, { refetchInterval: 30_000 }));
  if (!status.data) return <div className="p-4"><Spinner /></div>;
  const { schedules, recentErrors } = status.data;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-label="Schedules" className="rounded-lg border border-slate-200 bg-white p-3">
        <h2 className="mb-2 font-semibold">Schedules</h2>
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-600"><tr><th className="py-1 font-medium">Schedule</th><th className="font-medium">Last run</th><th className="font-medium">Next expected</th></tr></thead>
          <tbody>
            {schedules.map((schedule) => (
              <tr key={schedule.name} className="border-t border-slate-100 align-top">
                <td className="py-1.5 pr-2">{schedule.label}<span className="block text-xs text-slate-600"><code>POST {schedule.route}</code></span></td>
                <td className="py-1.5 pr-2">
                  {schedule.lastRun ? (
                    <>
                      <span className="mr-1">{schedule.lastRun.startedAt.toLocaleString()}</span>
                      <StatusBadge status={schedule.lastRun.outcome} />
                      <span className="block text-xs text-slate-600">{schedule.lastRun.trigger} · {duration(schedule.lastRun.startedAt, schedule.lastRun.finishedAt)}{schedule.lastRun.summary ? ` · ${counts(schedule.lastRun.summary)}` : ""}</span>
                    </>
                  ) : <span className="text-slate-600">Never run: start <code>npm run worker</code>, have a scheduler call the route, or run <code>{schedule.cli}</code>.</span>}
                </td>
                <td className="py-1.5">
                  {schedule.cadenceMs === 0 ? "Off in the worker" : schedule.nextExpectedAt ? schedule.nextExpectedAt.toLocaleString() : "—"}
                  {schedule.overdue && <span className="block text-xs font-medium text-amber-900">Overdue: is a worker (or the scheduler) running?</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label="Recent run errors" className="rounded-lg border border-slate-200 bg-white p-3">
        <h2 className="mb-2 font-semibold">Recent run errors</h2>
        {recentErrors.length === 0 ? <p className="text-sm text-slate-600">No errors in recent runs.</p> : (
          <ul className="max-h-64 space-y-2 overflow-auto text-sm">
            {recentErrors.map((error, index) => (
              <li key={`${error.runId}-${index}`} className="border-t border-slate-100 pt-1 first:border-0">
                <span className="text-xs text-slate-600">{error.at.toLocaleString()} · {schedules.find((s) => s.name === error.schedule)?.label ?? error.schedule}</span>
                <span className="block font-medium">{error.subject}</span>
                <code className="block text-xs break-all text-red-800">{error.message}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
