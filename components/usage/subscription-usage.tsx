"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import type { UsageEvent } from "~/generated/prisma/client";
import { useTRPC } from "~/lib/trpc/react";
import { formatMoney } from "~/server/billing/pricing";
import { Button } from "../button";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { Spinner } from "../spinner";
import { useTableQuery } from "../use-table-query";
import { DailyUnitsChart } from "./daily-units-chart";

const column = createColumnHelper<UsageEvent>();
const eventColumns: ColumnDef<UsageEvent, any>[] = [
  column.accessor("timestamp", { header: "Timestamp", enableSorting: true, cell: (info) => info.getValue().toISOString() }),
  column.accessor("code", { header: "Code", enableSorting: true }),
  column.accessor("transactionId", { header: "Transaction", enableSorting: true }),
  column.accessor("properties", { header: "Properties", cell: (info) => <code className="text-xs">{JSON.stringify(info.getValue())}</code> }),
];

/** One subscription's billing period: priced charges, each metric's units per day, and the events. */
export function SubscriptionUsage({ subscriptionId }: { subscriptionId: string }) {
  const trpc = useTRPC();
  const [at, setAt] = useState(() => new Date());
  const usage = useQuery(trpc.usage.periodUsage.queryOptions({ subscriptionId, at }, { placeholderData: keepPreviousData }));
  const eventsTable = useTableQuery({ key: "events", sorting: [{ id: "timestamp", desc: true }] });
  const period = usage.data?.period;
  const events = useQuery(trpc.usage.listEvents.queryOptions(
    { subscriptionId, from: period?.start ?? at, to: period?.end ?? at, query: eventsTable.query },
    { enabled: !!period, placeholderData: keepPreviousData },
  ));
  if (!usage.data || !period) return <div className="flex justify-center p-8"><Spinner /></div>;
  const { currency } = usage.data;

  return (
    <section aria-label="Period usage" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">{usage.data.externalId}</h2>
        <span className="text-sm text-slate-600" data-testid="usage-period">{period.start.toISOString().slice(0, 10)} → {period.end.toISOString().slice(0, 10)}</span>
        <div className="ml-auto flex gap-2">
          <Button variant="secondary" onClick={() => setAt(new Date(period.start.getTime() - 1))}>Previous period</Button>
          <Button variant="secondary" onClick={() => setAt(period.end)}>Next period</Button>
        </div>
      </div>
      <table aria-label="Charges" className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr><th className="py-1">Metric</th><th>Model</th><th>Units</th><th>Free</th><th>Billable</th><th>Events</th><th className="text-right">Amount</th></tr>
        </thead>
        <tbody>
          {usage.data.charges.map((charge) => (
            <tr key={charge.charge.id} className="border-t border-slate-100">
              <td className="py-1">{charge.charge.billableMetric.code}</td><td>{charge.charge.chargeModel}</td><td>{charge.units}</td>
              <td>{charge.freeUnitsUsed}</td><td>{charge.billableUnits}</td><td>{charge.eventsCount}</td>
              <td className="text-right">{formatMoney(charge.amountCents, currency)}</td>
            </tr>
          ))}
          <tr className="border-t border-slate-300 font-semibold"><td className="py-1" colSpan={6}>Usage total</td><td className="text-right">{formatMoney(usage.data.amountCents, currency)}</td></tr>
        </tbody>
      </table>
      <div className="grid gap-3 lg:grid-cols-2">
        {usage.data.daily.map((metric) => <DailyUnitsChart key={metric.metricCode} metric={metric} />)}
      </div>
      <DataTable label="Events" columns={eventColumns} data={events.data} isLoading={events.isFetching} state={eventsTable} getRowId={(event) => event.id}
        searchPlaceholder="Search transaction id" empty={<EmptyState title="No events in this period" />} />
    </section>
  );
}
