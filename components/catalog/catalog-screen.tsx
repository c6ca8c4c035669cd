"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import type { BillableMetric } from "~/generated/prisma/client";
import { toast } from "sonner";
import { fieldErrors } from "~/lib/trpc/error-message";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import { formatMoney } from "~/server/billing/pricing";
import type { PlanWithCharges } from "~/server/catalog/plan-input";
import type { MetricRow } from "~/server/catalog/search-billable-metrics";
import type { PlanRow } from "~/server/catalog/search-plans";
import { Button } from "../button";
import { DataTable } from "../data-table";
import { EmptyState } from "../empty-state";
import { Dialog } from "../dialog";
import { useTableQuery } from "../use-table-query";
import { AGGREGATIONS, MetricForm, type MetricFormValues } from "./metric-form";
import { INTERVALS, PlanForm, type PlanFormValues } from "./plan-form";

const metricColumn = createColumnHelper<MetricRow>();
const planColumn = createColumnHelper<PlanRow>();

export function CatalogScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const metricsTable = useTableQuery({ key: "metrics", sorting: [{ id: "code", desc: false }] });
  const plansTable = useTableQuery({ key: "plans", sorting: [{ id: "code", desc: false }] });
  const metrics = useQuery(trpc.catalog.listMetrics.queryOptions(metricsTable.query, { placeholderData: keepPreviousData }));
  const plans = useQuery(trpc.catalog.listPlans.queryOptions(plansTable.query, { placeholderData: keepPreviousData }));
  // The charge editor's metric picker: the first 100 metrics by code is plenty for a catalog.
  const metricOptions = useQuery(trpc.catalog.listMetrics.queryOptions({ pageSize: 100, sort: { id: "code", desc: false } }));
  const [metricEditing, setMetricEditing] = useState<BillableMetric | "new" | null>(null);
  const [planEditing, setPlanEditing] = useState<PlanWithCharges | "new" | null>(null);

  const refresh = () => refreshAfterWrite(queryClient, trpc.catalog.pathKey());
  const done = (message: string) => { toast.success(message); void refresh(); };
  const createMetric = useMutation(trpc.catalog.createMetric.mutationOptions({ meta: { showsFieldErrors: true }, onSuccess: (m) => { closeMetric(); done(`Metric ${m.code} created`); } }));
  const updateMetric = useMutation(trpc.catalog.updateMetric.mutationOptions({ meta: { showsFieldErrors: true }, onSuccess: (m) => { closeMetric(); done(`Metric ${m.code} saved`); } }));
  const createPlan = useMutation(trpc.catalog.createPlan.mutationOptions({ meta: { showsFieldErrors: true }, onSuccess: (p) => { closePlan(); done(`Plan ${p.code} created`); } }));
  const updatePlan = useMutation(trpc.catalog.updatePlan.mutationOptions({ meta: { showsFieldErrors: true }, onSuccess: (p) => { closePlan(); done(`Plan ${p.code} saved`); } }));

  function closeMetric() { setMetricEditing(null); createMetric.reset(); updateMetric.reset(); }
  function closePlan() { setPlanEditing(null); createPlan.reset(); updatePlan.reset(); }

  function saveMetric(values: MetricFormValues) {
    if (metricEditing === "new") createMetric.mutate(values);
    else if (metricEditing) updateMetric.mutate({ code: metricEditing.code, changes: { ...values, code: undefined } });
  }
  function savePlan(values: PlanFormValues) {
    if (planEditing === "new") createPlan.mutate(values);
    else if (planEditing) updatePlan.mutate({ code: planEditing.code, changes: { ...values, code: undefined } });
  }

  const metricColumns: ColumnDef<MetricRow, any>[] = [
    metricColumn.accessor("code", { header: "Code", enableSorting: true, enableHiding: false }),
    metricColumn.accessor("name", { header: "Name", enableSorting: true }),
    metricColumn.accessor("aggregationType", { header: "Aggregation", enableSorting: true, meta: { filterOptions: AGGREGATIONS }, cell: (info) => AGGREGATIONS.find((option) => option.value === info.getValue())?.label }),
    metricColumn.accessor("fieldName", { header: "Field" }),
    metricColumn.accessor("recurring", { header: "Recurring", cell: (info) => (info.getValue() ? "Yes" : "No") }),
    metricColumn.accessor((metric) => metric.ownerService?.code ?? "shared", { id: "owner", header: "Owner" }),
    metricColumn.display({ id: "actions", header: "Actions", enableHiding: false, cell: ({ row }) => <Button variant="ghost" onClick={() => setMetricEditing(row.original)}>Edit</Button> }),
  ];
  const planColumns: ColumnDef<PlanRow, any>[] = [
    planColumn.accessor("code", { header: "Code", enableSorting: true, enableHiding: false }),
    planColumn.accessor("name", { header: "Name", enableSorting: true }),
    planColumn.accessor("interval", { header: "Interval", enableSorting: true, meta: { filterOptions: INTERVALS.map((value) => ({ value, label: value })) } }),
    planColumn.accessor("amountCents", { header: "Fee", enableSorting: true, cell: ({ row: { original: p } }) => formatMoney(p.amountCents, p.amountCurrency) }),
    planColumn.accessor((plan) => plan.charges.map((charge) => `${charge.billableMetric.code} (${charge.chargeModel})`).join(", "), { id: "charges", header: "Charges" }),
    // A service's own plan is changed by its key too; a shared one only here.
    planColumn.accessor((plan) => plan.ownerService?.code ?? "shared", { id: "owner", header: "Owner" }),
    planColumn.display({ id: "actions", header: "Actions", enableHiding: false, cell: ({ row }) => <Button variant="ghost" onClick={() => setPlanEditing(row.original)}>Edit</Button> }),
  ];

  const metricCodes = metricOptions.data?.rows.map((metric) => metric.code) ?? [];
  return (
    <div className="space-y-8">
      <div>
        <h2 className="mb-2 text-lg font-semibold">Billable metrics</h2>
        <DataTable label="Billable metrics" columns={metricColumns} data={metrics.data} isLoading={metrics.isFetching} state={metricsTable} getRowId={(m) => m.id}
          searchPlaceholder="Search code or name" empty={<EmptyState title="No metrics yet">A metric says how events are counted.</EmptyState>}
          toolbar={<Button onClick={() => setMetricEditing("new")}>New metric</Button>} />
      </div>
      <div>
        <h2 className="mb-2 text-lg font-semibold">Plans</h2>
        <DataTable label="Plans" columns={planColumns} data={plans.data} isLoading={plans.isFetching} state={plansTable} getRowId={(p) => p.id}
          searchPlaceholder="Search code or name" empty={<EmptyState title="No plans yet">A plan prices metrics with charges.</EmptyState>}
          toolbar={<Button onClick={() => setPlanEditing("new")}>New plan</Button>} />
      </div>
      <Dialog open={metricEditing !== null} title={metricEditing === "new" ? "New metric" : `Edit metric ${metricEditing?.code ?? ""}`} onOpenChange={(open) => { if (!open) closeMetric(); }}>
        <MetricForm initial={metricEditing && metricEditing !== "new" ? metricEditing : undefined} busy={createMetric.isPending || updateMetric.isPending}
          errors={fieldErrors(metricEditing === "new" ? createMetric.error : updateMetric.error)} onSubmit={saveMetric} onCancel={closeMetric} />
      </Dialog>
      <Dialog wide open={planEditing !== null} title={planEditing === "new" ? "New plan" : `Edit plan ${planEditing?.code ?? ""}`} onOpenChange={(open) => { if (!open) closePlan(); }}>
        <PlanForm initial={planEditing && planEditing !== "new" ? planEditing : undefined} metricCodes={metricCodes} busy={createPlan.isPending || updatePlan.isPending}
          errors={fieldErrors(planEditing === "new" ? createPlan.error : updatePlan.error)} onSubmit={savePlan} onCancel={closePlan} />
      </Dialog>
    </div>
  );
}
