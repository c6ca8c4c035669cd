"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MetricDailyUnits } from "~/server/usage/get-subscription-usage";

const AGGREGATION_WORDS: Record<string, string> = {
  count_agg: "events counted", sum_agg: "sum", max_agg: "maximum", unique_count_agg: "distinct values", latest_agg: "latest value",
};

// The exact decimal units stay for the tooltip; the bar height only needs a number.
type Point = { day: string; units: string; value: number; events: number };

function DayTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload: Point }> }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium">{point.day}</p>
      <p>{point.units} units</p>
      <p className="text-slate-600">{point.events} {point.events === 1 ? "event" : "events"}</p>
    </div>
  );
}

/** One metric's units per day of the period (Recharts bars with axes and a tooltip per day). */
export function DailyUnitsChart({ metric }: { metric: MetricDailyUnits }) {
  const points: Point[] = metric.days.map((day) => ({ day: day.day, units: day.units, value: Number(day.units), events: day.eventsCount }));
  const total = metric.days.reduce((sum, day) => sum + day.eventsCount, 0);
  return (
    <figure aria-label={`Units per day: ${metric.metricCode}`} className="rounded-md border border-slate-100 p-2">
      <figcaption className="mb-1 text-sm">
        <span className="font-medium">{metric.metricName}</span> <span className="text-slate-600">({metric.metricCode}, {AGGREGATION_WORDS[metric.aggregationType] ?? metric.aggregationType} per day)</span>
      </figcaption>
      {total === 0 ? <p className="py-6 text-center text-sm text-slate-600">No events in this period.</p> : (
        <div className="h-44 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
              <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} tick={{ fontSize: 11, fill: "#475569" }} minTickGap={12} />
              <YAxis width={56} tick={{ fontSize: 11, fill: "#475569" }} allowDecimals tickFormatter={(value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 })} />
              <Tooltip content={<DayTooltip />} cursor={{ fill: "#eef2ff" }} />
              <Bar dataKey="value" name="Units" fill="#4f46e5" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
