"use client";

import Decimal from "decimal.js";
import { type FormEvent, useState } from "react";
import { PlanInterval } from "~/generated/prisma/enums";
import type { PlanWithCharges } from "~/server/catalog/plan-input";
import { formatMinorUnits } from "~/server/billing/pricing";
import { toMinorUnits } from "~/server/billing/pricing/currency";
import { isDecimalString } from "~/server/billing/pricing/exact-decimal";
import type { ChargeModel } from "~/server/billing/pricing";
import { Button } from "../button";
import { CheckboxField, FormActions, SelectField, TextField } from "../form-field";
import { ChargeEditor, type ChargeDraft, checkDraft, newChargeDraft } from "./charge-editor";

export const INTERVALS = Object.values(PlanInterval);

export interface PlanFormValues {
  code: string;
  name: string;
  interval: PlanInterval;
  amountCents: bigint;
  amountCurrency: string;
  payInAdvance: boolean;
  charges: Array<{ billableMetricCode: string; chargeModel: ChargeModel; properties: unknown }>;
}

let draftKey = 0;

export function PlanForm({ initial, metricCodes, busy, onSubmit, onCancel }: {
  initial?: PlanWithCharges;
  metricCodes: string[];
  busy: boolean;
  onSubmit: (values: PlanFormValues) => void;
  onCancel: () => void;
}) {
  const [currency, setCurrency] = useState(initial?.amountCurrency ?? "USD");
  const [amount, setAmount] = useState(initial ? formatMinorUnits(initial.amountCents, initial.amountCurrency) : "0");
  const [charges, setCharges] = useState<ChargeDraft[]>(() =>
    (initial?.charges ?? []).map((charge) => ({ ...newChargeDraft(draftKey++, charge.billableMetric.code, charge.chargeModel), propertiesJson: JSON.stringify(charge.properties, null, 2) })),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const amountValid = isDecimalString(amount.trim()) && /^[A-Z]{3}$/.test(currency);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const checks = charges.map((draft) => checkDraft(draft, currency));
    if (!amountValid || checks.some((check) => !check.ok)) {
      setFormError("Fix the highlighted fields first.");
      return;
    }
    onSubmit({
      code: String(form.get("code") ?? initial?.code ?? "").trim(),
      name: String(form.get("name")).trim(),
      interval: form.get("interval") as PlanFormValues["interval"],
      amountCents: toMinorUnits(new Decimal(amount.trim()), currency),
      amountCurrency: currency,
      payInAdvance: form.get("payInAdvance") === "on",
      charges: charges.map((draft, index) => ({ billableMetricCode: draft.billableMetricCode, chargeModel: draft.chargeModel, properties: (checks[index] as { properties: unknown }).properties })),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="grid gap-x-3 sm:grid-cols-2">
        {!initial && <TextField label="Code" name="code" required autoFocus />}
        <TextField label="Name" name="name" required defaultValue={initial?.name} />
        <SelectField label="Interval" name="interval" defaultValue={initial?.interval ?? "monthly"} options={INTERVALS.map((value) => ({ value, label: value }))} />
        <TextField label="Currency" name="currency" value={currency} maxLength={3} onChange={(event) => setCurrency(event.target.value.toUpperCase())} error={/^[A-Z]{3}$/.test(currency) ? null : "ISO code, e.g. USD"} />
        <TextField label="Subscription fee" name="amount" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} error={isDecimalString(amount.trim()) ? null : "A decimal amount, e.g. 29.00"} />
      </div>
      <CheckboxField label="Bill the fee in advance (when each period opens; otherwise at its end)" name="payInAdvance" defaultChecked={initial?.payInAdvance ?? false} />
      <h3 className="mt-2 mb-2 text-sm font-semibold">Usage charges</h3>
      {charges.map((draft, index) => (
        <ChargeEditor
          key={draft.key}
          index={index}
          draft={draft}
          currency={currency}
          metricCodes={metricCodes}
          onChange={(next) => setCharges((current) => current.map((candidate) => (candidate.key === draft.key ? next : candidate)))}
          onRemove={() => setCharges((current) => current.filter((candidate) => candidate.key !== draft.key))}
        />
      ))}
      <Button variant="secondary" disabled={metricCodes.length === 0} onClick={() => setCharges((current) => [...current, newChargeDraft(draftKey++, metricCodes[0] ?? "")])}>
        Add charge
      </Button>
      {metricCodes.length === 0 && <p className="mt-1 text-xs text-slate-500">Create a metric first to add usage charges.</p>}
      {formError && <p role="alert" className="mt-3 text-sm text-red-700">{formError}</p>}
      <FormActions onCancel={onCancel} submitLabel={initial ? "Save plan" : "Create plan"} busy={busy} />
    </form>
  );
}
