"use client";

import type { FormEvent } from "react";
import type { BillableMetric } from "~/generated/prisma/client";
import { CheckboxField, FormActions, SelectField, TextField } from "../form-field";

export const AGGREGATIONS = [
  { value: "count_agg", label: "Count" },
  { value: "sum_agg", label: "Sum" },
  { value: "max_agg", label: "Max" },
  { value: "unique_count_agg", label: "Unique count" },
  { value: "latest_agg", label: "Latest" },
] as const;

export interface MetricFormValues {
  code: string;
  name: string;
  description: string | null;
  aggregationType: BillableMetric["aggregationType"];
  fieldName: string | null;
  recurring: boolean;
}

export function MetricForm({ initial, busy, errors, onSubmit, onCancel }: {
  initial?: BillableMetric;
  busy: boolean;
  /** The server's answer per field (a code already used, a missing field name). */
  errors: Record<string, string>;
  onSubmit: (values: MetricFormValues) => void;
  onCancel: () => void;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || null;
    onSubmit({
      code: text("code") ?? initial?.code ?? "",
      name: text("name") ?? "",
      description: text("description"),
      aggregationType: form.get("aggregationType") as MetricFormValues["aggregationType"],
      fieldName: text("fieldName"),
      recurring: form.get("recurring") === "on",
    });
  }
  return (
    <form onSubmit={submit}>
      {!initial && <TextField label="Code" name="code" required autoFocus hint="Events send this code, e.g. api_calls" error={errors.code} />}
      <TextField label="Name" name="name" required defaultValue={initial?.name} autoFocus={!!initial} error={errors.name} />
      <TextField label="Description" name="description" defaultValue={initial?.description ?? ""} />
      <SelectField label="Aggregation" name="aggregationType" defaultValue={initial?.aggregationType ?? "sum_agg"} options={AGGREGATIONS} error={errors.aggregationType} />
      <TextField label="Field name" name="fieldName" defaultValue={initial?.fieldName ?? ""} hint="Event property to aggregate (not used by Count)" error={errors.fieldName} />
      <CheckboxField label="Recurring (carried across periods)" name="recurring" defaultChecked={initial?.recurring} />
      {errors.recurring && <p role="alert" className="-mt-2 mb-3 text-xs text-red-700">{errors.recurring}</p>}
      <FormActions onCancel={onCancel} submitLabel={initial ? "Save metric" : "Create metric"} busy={busy} />
    </form>
  );
}
