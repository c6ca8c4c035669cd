"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "~/server/reconciliation/get-mismatch-trend";

const SERIES = [
  { key: "match", label: "Match", color: "#059669" },
  { key: "mismatches", label: "Amounts or units differ", color: "#dc2626" },
  { key: "missing", label: "Missing on one side", color: "#d97706" },
] as const;

const period = (point: TrendPoint) => `${point.periodStart.toISOString().slice(0, 10)} → ${point.periodEnd.toISOString().slice(0, 10)}`;

/** Lines per reconciled period (latest run of each), stacked by outcome: Recharts bars with axes, legend and tooltips. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  if (!points.length) return <p className="text-sm text-slate-600">No finished run yet.</p>;
  const data = points.map((point) => ({ ...point, label: point.periodStart.toISOString().slice(0, 7), period: period(point) }));
  return (
    <figure aria-label="Reconciliation trend" className="rounded-lg border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 text-sm text-slate-700">Lines per period, from the latest run of each period</figcaption>
      <div className="h-56 w-full max-w-3xl">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} />
            <YAxis allowDecimals={false} width={40} tick={{ fontSize: 11, fill: "#475569" }} />
            <Tooltip labelFormatter={(_, payload) => (payload?.[0]?.payload as { period?: string } | undefined)?.period ?? ""} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {SERIES.map((series) => <Bar key={series.key} dataKey={series.key} name={series.label} stackId="lines" fill={series.color} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
