"use client";

import Decimal from "decimal.js";
import { type FormEvent, useState } from "react";
import { PlanInterval } from "~/generated/prisma/enums";
import type { ChargeModel, ChargeProperties } from "~/server/billing/pricing";
import { formatMinorUnits } from "~/server/billing/pricing";
import { toMinorUnits } from "~/server/billing/pricing/currency";
import { isDecimalString } from "~/server/billing/pricing/exact-decimal";
import type { PlanWithCharges } from "~/server/catalog/plan-input";
import { Button } from "../button";
import { CheckboxField, FormActions, SelectField, TextField } from "../form-field";
import { type ChargeDraft, checkChargeDraft, draftFromCharge, newChargeDraft, propertyFieldOf } from "./charge-draft";
import { ChargeEditor } from "./charge-editor";

export const INTERVALS = Object.values(PlanInterval);
const INTERVAL_OPTIONS = INTERVALS.map((value) => ({ value, label: value.charAt(0).toUpperCase() + value.slice(1) }));

export interface PlanFormValues {
  code: string;
  name: string;
  interval: PlanInterval;
  amountCents: bigint;
  amountCurrency: string;
  payInAdvance: boolean;
  charges: Array<{ billableMetricCode: string; chargeModel: ChargeModel; properties: ChargeProperties }>;
}

/** The server's field errors of charge `index` (`charges.<i>.properties.amount` …), by draft field. */
function chargeServerErrors(errors: Record<string, string>, index: number): Record<string, string> {
  const prefix = `charges.${index}.`;
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, sentence]) => {
        const rest = path.slice(prefix.length);
        return [rest.startsWith("properties") ? propertyFieldOf(rest) : "metric", sentence];
      }),
  );
}

export function PlanForm({ initial, metricCodes, busy, errors, onSubmit, onCancel }: {
  initial?: PlanWithCharges;
  metricCodes: string[];
  busy: boolean;
  /** The server's answer per field (`code`, `charges.0.properties.amount`, …) from the last save. */
  errors: Record<string, string>;
  onSubmit: (values: PlanFormValues) => void;
  onCancel: () => void;
}) {
  const [currency, setCurrency] = useState(initial?.amountCurrency ?? "USD");
  const [amount, setAmount] = useState(initial ? formatMinorUnits(initial.amountCents, initial.amountCurrency) : "0");
  const [charges, setCharges] = useState<ChargeDraft[]>(() =>
    (initial?.charges ?? []).map((charge) => draftFromCharge(charge.billableMetric.code, charge.chargeModel, charge.properties)),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const currencyValid = /^[A-Z]{3}$/.test(currency);
  const amountValid = isDecimalString(amount.trim());
  const checks = charges.map((draft) => checkChargeDraft(draft, currency));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!amountValid || !currencyValid || checks.some((check) => check.properties === null)) {
      setFormError("Fix the highlighted fields first.");
      return;
    }
    setFormError(null);
    onSubmit({
      code: String(form.get("code") ?? initial?.code ?? "").trim(),
      name: String(form.get("name")).trim(),
      interval: form.get("interval") as PlanFormValues["interval"],
      amountCents: toMinorUnits(new Decimal(amount.trim()), currency),
      amountCurrency: currency,
      payInAdvance: form.get("payInAdvance") === "on",
      charges: charges.map((draft, index) => ({ billableMetricCode: draft.billableMetricCode, chargeModel: draft.chargeModel, properties: checks[index]!.properties! })),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="grid gap-x-3 sm:grid-cols-2">
        {!initial && <TextField label="Code" name="code" required autoFocus error={errors.code} hint="Apps subscribe with this code, e.g. starter" />}
        <TextField label="Name" name="name" required defaultValue={initial?.name} error={errors.name} />
        <SelectField label="Interval" name="interval" defaultValue={initial?.interval ?? "monthly"} options={INTERVAL_OPTIONS} error={errors.interval} />
        <TextField label="Currency" name="currency" value={currency} maxLength={3} onChange={(event) => setCurrency(event.target.value.toUpperCase())}
          error={currencyValid ? (errors.amountCurrency ?? null) : "A three-letter ISO code, e.g. CAD."} />
        <TextField label="Subscription fee" name="amount" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)}
          error={amountValid ? (errors.amountCents ?? null) : "A decimal amount, e.g. 29.00."} />
      </div>
      <CheckboxField label="Bill the fee in advance (when each period opens; otherwise at its end)" name="payInAdvance" defaultChecked={initial?.payInAdvance ?? false} />
      <h3 className="mt-2 mb-2 text-sm font-semibold">Usage charges</h3>
      {charges.map((draft, index) => (
        <ChargeEditor
          key={draft.key}
          index={index}
          draft={draft}
          check={checks[index]!}
          serverErrors={chargeServerErrors(errors, index)}
          currency={currency}
          metricCodes={metricCodes}
          onChange={(next) => setCharges((current) => current.map((candidate) => (candidate.key === draft.key ? next : candidate)))}
          onRemove={() => setCharges((current) => current.filter((candidate) => candidate.key !== draft.key))}
        />
      ))}
      <Button variant="secondary" disabled={metricCodes.length === 0} onClick={() => setCharges((current) => [...current, newChargeDraft(metricCodes[0] ?? "")])}>
        Add charge
      </Button>
      {metricCodes.length === 0 && <p className="mt-1 text-xs text-slate-600">Create a metric first to add usage charges.</p>}
      {formError && <p role="alert" className="mt-3 text-sm text-red-700">{formError}</p>}
      <FormActions onCancel={onCancel} submitLabel={initial ? "Save plan" : "Create plan"} busy={busy} />
    </form>
  );
}
